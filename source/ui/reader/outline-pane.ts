import type {RenderedArticle, RenderedHeading} from '../../render/article.js';
import {textWidth} from '../../render/text-width.js';
import {clampCursor} from '../list/list-cursor.js';
import {fitSegments, type Segment} from '../segments.js';
import {sectionAt} from './heading-menu.js';

/** From this width `o` can open the pane beside the article. */
export const outlineMinimumColumns = 120;
/** From this width the pane opens by itself (unless the `outline` setting is off): the text keeps its reading width beside it. */
export const outlineAutoColumns = 140;

const narrowest = 20;
const widest = 44;
const deepestIndent = 4;

function indentOf(heading: Pick<RenderedHeading, 'depth'>): string {
	return '  '.repeat(Math.max(0, Math.min(deepestIndent, heading.depth - 1)));
}

/** Whether the pane is open: as the reader last chose with `o`, else by itself on a wide terminal. */
export function outlineOpen(chosen: boolean | undefined, columns: number, auto: boolean): boolean {
	return columns >= outlineMinimumColumns && (chosen ?? (auto && columns >= outlineAutoColumns));
}

/**
 * Columns of the pane, its divider included: as wide as its longest entry needs, between 20 and 44,
 * and never more than 30% of the terminal, so the text beside it keeps most of the width.
 */
export function outlinePaneWidth(headings: ReadonlyArray<Pick<RenderedHeading, 'depth' | 'text'>>, columns: number): number {
	let needed = textWidth(' Outline');
	for (const heading of headings) {
		needed = Math.max(needed, 1 + indentOf(heading).length + textWidth(heading.text));
	}

	// One column of margin after the longest entry, one for the divider.
	return Math.max(narrowest, Math.min(needed + 2, widest, Math.floor(columns * 0.3)));
}

/** Which headings the pane shows and from where: the section in view kept in view. */
function window(article: RenderedArticle, top: number, height: number) {
	const current = sectionAt(article.headings, top);
	const rows = Math.max(1, height - 1);
	const cursor = clampCursor({selected: Math.max(0, current), top: Math.max(0, current - Math.floor(rows / 2))}, article.headings.length, rows);
	return {current, first: cursor.top, rows};
}

/** The pane's lines (its title, then every heading that fits, the section in view highlighted), `width` without the divider. */
export function outlineLines(article: RenderedArticle, top: number, width: number, height: number): Segment[][] {
	const {current, first, rows} = window(article, top, height);
	const lines: Segment[][] = [fitSegments([{text: ' Outline', bold: true}], width)];
	for (const [offset, heading] of article.headings.slice(first, first + rows).entries()) {
		const isCurrent = first + offset === current;
		lines.push(fitSegments([{text: ` ${indentOf(heading)}`}, {text: heading.text, inverse: isCurrent, dim: !isCurrent}], width));
	}

	return lines;
}

/** The heading drawn on line `row` of the pane (0 is its title), as `outlineLines` laid it out; undefined for none. */
export function outlineHeadingAt(article: RenderedArticle, top: number, height: number, row: number): number | undefined {
	const {first, rows} = window(article, top, height);
	if (row < 1 || row > rows) {
		return undefined;
	}

	const index = first + row - 1;
	return index < article.headings.length ? index : undefined;
}
