import type {Post} from '../../content/post.js';
import type {RenderedArticle} from '../../render/article.js';
import {clampCursor} from '../list/list-cursor.js';
import {fitSegments, type Segment} from '../segments.js';
import {matchesIn} from './article-search.js';
import {menuEntries} from './heading-menu.js';
import {currentSection, type ReaderState} from './reader-state.js';

/** The title line: the post's title, and its date, reading time and tags on the right when they fit. */
export function headerSegments(post: Post, width: number): Segment[] {
	const facts = [post.date?.iso.slice(0, 10), `${post.readingMinutes} min`, post.tags.slice(0, 3).join(' ')].filter(Boolean).join(' · ');
	const title = ` ${post.title}`;
	const room = width - facts.length - 3;
	if (facts === '' || room < Math.min(24, title.length)) {
		return fitSegments([{text: title, bold: true}], width);
	}

	const left = fitSegments([{text: title, bold: true}], room);
	return fitSegments([...left, {text: '  '}, {text: facts, dim: true}, {text: ' '}], width);
}

/** The title bar and the rule under it. */
export const titleBarRows = 2;

/**
 * The title bar repeats the article's header block (title, date, tags), so it is shown only once
 * that block has scrolled off, and over the heading menu and the help, which hide it.
 */
export function showsTitleBar(state: Pick<ReaderState, 'mode' | 'top'>, article: RenderedArticle | undefined): boolean {
	return !article || state.mode === 'menu' || state.mode === 'help' || state.top >= (article.header ?? 0);
}

function percentRead(total: number, top: number, rows: number): string {
	if (total <= rows) {
		return 'all';
	}

	return `${Math.round((Math.min(top + rows, total) / total) * 100)}%`;
}

/**
 * The status bar: what the reader needs now on the left (a message, the highlighted link's address,
 * the search being typed, or the section), position and key hints on the right.
 */
export function statusSegments(state: ReaderState, article: RenderedArticle | undefined, top: number, rows: number, width: number): Segment[] {
	if (state.mode === 'search' || state.mode === 'line') {
		const [prompt, hint] = state.mode === 'search' ? [' / ', '  enter search · esc cancel'] : [' :', '  line number · enter go · esc cancel'];
		return fitSegments([{text: prompt, bold: true}, {text: state.typed}, {text: ' ', inverse: true}, {text: hint, dim: true}], width);
	}

	if (!article) {
		return fitSegments([{text: ' rendering…', dim: true}], width);
	}

	const hints = state.mode === 'menu'
		? (width >= 70 ? 'type to narrow · ↑↓ · enter jump · esc close' : 'enter jump · esc close')
		: (state.mode === 'help' ? 'esc close' : (width >= 100 ? 't headings · / search · tab links · ? help · esc back' : (width >= 60 ? 't headings · / search · ? help' : '? help')));
	const right: Segment[] = [];
	if (state.search) {
		const count = matchesIn(article, state.search.term).length;
		right.push({text: `${state.search.current + 1}/${count}`, bold: true}, {text: '  '});
	}

	right.push({text: percentRead(article.lines.length, top, rows)}, {text: `  ${hints} `, dim: true});
	const rightWidth = right.reduce((sum, segment) => sum + [...segment.text].length, 0);
	const link = state.link === undefined ? undefined : article.links[state.link];
	const section = currentSection(article, top);
	const left: Segment = state.message
		? {text: ` ${state.message}`, color: 'warning'}
		: (link ? {text: ` → ${link.target}`, color: 'status-link'} : {text: section === -1 ? '' : ` § ${article.headings[section]!.text}`, dim: true});
	const leftWidth = Math.max(0, width - rightWidth - 1);
	// A link's address matters more than the hints: it gets the whole line when it needs it.
	if ((state.message || link) && [...left.text].length > leftWidth) {
		return fitSegments([left], width);
	}

	return fitSegments([...fitSegments([left], leftWidth), {text: ' '}, ...right], width);
}

// Lines of the menu above its entries: its title, what was typed, a rule.
const menuHead = 3;

/** Which entries of the menu are drawn, from where, and the highlighted one kept in view. */
function menuWindow(state: Pick<ReaderState, 'menu'>, article: RenderedArticle, height: number) {
	const entries = menuEntries(article.headings, state.menu.query);
	const rows = Math.max(1, height - menuHead);
	const cursor = clampCursor({selected: state.menu.cursor, top: Math.max(0, state.menu.cursor - Math.floor(rows / 2))}, entries.length, rows);
	return {entries, cursor, rows};
}

/** The heading (index in `article.headings`) on line `line` of the menu as `menuLines` draws it; undefined for none. */
export function menuHeadingAt(state: Pick<ReaderState, 'menu'>, article: RenderedArticle, height: number, line: number): number | undefined {
	const {entries, cursor, rows} = menuWindow(state, article, height);
	const offset = line - menuHead;
	return offset < 0 || offset >= rows ? undefined : entries[cursor.top + offset];
}

/** The heading jump menu, drawn in place of the article: a title, what was typed, the headings. */
export function menuLines(state: ReaderState, article: RenderedArticle, width: number, height: number): Segment[][] {
	const {entries, cursor, rows} = menuWindow(state, article, height);
	const boxWidth = Math.max(10, Math.min(width, 72));
	const lines: Segment[][] = [
		fitSegments([{text: ' Jump to heading', bold: true}, {text: `  ${entries.length} of ${article.headings.length}`, dim: true}], boxWidth),
		fitSegments([{text: ' filter: ', dim: true}, {text: state.menu.query}, {text: ' ', inverse: true}], boxWidth),
		fitSegments([{text: ` ${'─'.repeat(boxWidth - 2)}`, dim: true}], boxWidth),
	];
	if (entries.length === 0) {
		lines.push(fitSegments([{text: article.headings.length === 0 ? ' this post has no headings' : ' no heading matches — Backspace to widen', dim: true}], boxWidth));
	}

	for (const [offset, index] of entries.slice(cursor.top, cursor.top + rows).entries()) {
		const heading = article.headings[index]!;
		const selected = cursor.top + offset === cursor.selected;
		const indent = '  '.repeat(Math.max(0, Math.min(5, heading.depth - 1)));
		lines.push(fitSegments([
			{text: selected ? ' ▸ ' : '   ', bold: selected},
			{text: indent},
			{text: heading.text, inverse: selected, bold: heading.depth <= 2, dim: heading.inferred && !selected},
		], boxWidth));
	}

	return lines;
}

const helpRows: Array<[keys: string, what: string]> = [
	['j k ↓ ↑ Ctrl-E Ctrl-Y', 'scroll a line (a count first, as in less: 5j)'],
	['space f PgDn · b PgUp', 'scroll a page'],
	['d u', 'scroll half a page'],
	['g Home · G End', 'top · bottom'],
	['N% · :N enter · Ng', 'N percent of the way · line N'],
	['t', 'heading jump menu: type to narrow, enter jumps'],
	['] [', 'next · previous heading'],
	['Tab Shift-Tab', 'highlight the next · previous link'],
	['enter', 'follow the link: #anchor, another post, a web page in the browser (local only)'],
	['/ then n N', 'search in the post · next · previous match'],
	['o', 'outline beside the article (from 120 columns; opens by itself at 140)'],
	['r', 'read the post again from disk'],
	['y', 'copy the link\'s address (else the heading\'s #anchor)'],
	['e', 'edit the post in $VISUAL / $EDITOR at this line'],
	['esc h Backspace', 'back: before the last link, then the list'],
	['?', 'this help'],
	['q Ctrl-C', 'quit (with quit = "back" in the config, q goes back)'],
];

/** The reading keys, drawn in place of the article. */
export function helpLines(width: number): Segment[][] {
	const keyWidth = Math.min(22, Math.max(8, Math.floor(width / 3)));
	return [
		fitSegments([{text: ' Keys for reading', bold: true}], width),
		[],
		...helpRows.map(([keys, what]) => fitSegments([{text: ` ${keys}`.padEnd(keyWidth + 1), bold: true}, {text: ` ${what}`}], width)),
	];
}
