import type {RenderedArticle} from '../../render/article.js';
import {splitGraphemes} from '../../render/text-width.js';
import {outlineHeadingAt} from './outline-pane.js';
import {menuHeadingAt} from './reader-lines.js';
import type {ReaderState} from './reader-state.js';

/** What a click lands on: a link (index in `article.links`) or a heading (index in `article.headings`). */
export type ReaderHit = {kind: 'link'; index: number} | {kind: 'heading'; index: number};

/** How the reader's screen is laid out, as ReaderScreen drew it. */
export type ReaderLayout = {
	/** The title bar and its rule are at the top. */
	bar: boolean;
	/** Columns of the outline pane, its divider included; 0 when closed. */
	pane: number;
	/** Columns before each article line, right of the pane. */
	indent: number;
	/** Lines of text between the top (bar or screen edge) and the bottom rule. */
	rows: number;
};

/** The UTF-16 index in `text` of the character drawn at display column `column` (0-based); undefined past its end. */
function indexAtColumn(text: string, column: number): number | undefined {
	let width = 0;
	let index = 0;
	for (const grapheme of splitGraphemes(text)) {
		if (column < width + grapheme.width) {
			return index;
		}

		width += grapheme.width;
		index += grapheme.text.length;
	}

	return undefined;
}

/**
 * What is drawn where the terminal reports a click (1-based column and row): a link in the text, a
 * heading of the outline pane, or an entry of the heading menu. Undefined for anything else.
 */
export function readerHitAt(layout: ReaderLayout, state: Pick<ReaderState, 'mode' | 'top' | 'menu'>, article: RenderedArticle, at: {column: number; row: number}): ReaderHit | undefined {
	const line = at.row - (layout.bar ? 3 : 1);
	if (line < 0 || line >= layout.rows) {
		return undefined;
	}

	if (at.column < layout.pane) {
		const index = outlineHeadingAt(article, state.top, layout.rows, line);
		return index === undefined ? undefined : {kind: 'heading', index};
	}

	if (state.mode === 'menu') {
		const index = menuHeadingAt(state, article, layout.rows, line);
		return index === undefined ? undefined : {kind: 'heading', index};
	}

	if (state.mode !== 'read') {
		return undefined;
	}

	const number = state.top + line;
	const column = at.column - 1 - layout.pane - layout.indent;
	const index = column < 0 ? undefined : indexAtColumn(article.plain?.[number] ?? '', column);
	if (index === undefined) {
		return undefined;
	}

	const link = article.links.findIndex(candidate => candidate.spans.some(span => span.line === number && index >= span.from && index < span.to));
	return link === -1 ? undefined : {kind: 'link', index: link};
}
