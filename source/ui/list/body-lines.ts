import {type ShownHit, shownHit} from '../../content/search-line.js';
import type {SearchResult} from '../../content/search-posts.js';
import {textWidth} from '../../render/text-width.js';
import type {Library, Problem} from '../../content/post.js';
import type {Indexing} from '../services.js';
import type {ListCursor} from './list-cursor.js';
import type {ListEntries, TagCount} from './list-entries.js';
import {listHelpGroups} from './list-keys.js';
import {layoutBody} from './list-layout.js';
import {layoutRows} from './list-state.js';
import {previewLines} from './preview-lines.js';
import {detailSegments, groupSegments, postRowSegments, problemRowSegments, rowColumns} from './row-segments.js';
import {fitSegments, highlight, type Segment} from '../segments.js';
import {inputSegments} from './input-line.js';
import {tagColour} from './tag-colour.js';

export type Line = Segment[];

function text(value: string, width: number, style: Omit<Segment, 'text'> = {}): Line {
	return fitSegments([{...style, text: value}], width);
}

function padTo(lines: Line[], width: number, height: number): Line[] {
	const filled = lines.slice(0, height);
	while (filled.length < height) {
		filled.push(text('', width));
	}

	return filled;
}

// Lines drawn for each row, kept while the row object lives: moving the cursor changes two rows, so
// the others keep the same line objects and their (memoised) Ink nodes are left alone.
const drawn = new WeakMap<object, Map<string, Line>>();

function cachedLine(owner: object, key: string, draw: () => Line): Line {
	let lines = drawn.get(owner);
	if (!lines) {
		lines = new Map();
		drawn.set(owner, lines);
	}

	let line = lines.get(key);
	if (!line) {
		if (lines.size > 8) {
			lines.clear();
		}

		line = draw();
		lines.set(key, line);
	}

	return line;
}

const groupLines = new Map<string, Line>();

/** What the list body draws: the rows, the selection, the first row in view, and the tags filtered by (shown first in each row). */
export type ListBodyView = {entries: ListEntries; selected: number; top: number; tags: readonly string[]};

/** Posts and problem rows from `top`, with group labels and the selected row's description. */
export function listLines(view: ListBodyView, width: number, height: number): Line[] {
	const {entries, selected, top} = view;
	const layout = layoutBody(layoutRows(entries), selected, top, height);
	const columns = rowColumns(width);
	const shape = `${width} ${view.tags.join('\0')}`;
	return layout.map(line => {
		if (line.type === 'group') {
			const key = `${line.label}\0${width}`;
			if (!groupLines.has(key)) {
				if (groupLines.size > 200) {
					groupLines.clear();
				}

				groupLines.set(key, groupSegments(line.label, width));
			}

			return groupLines.get(key)!;
		}

		const entry = entries.entries[line.index]!;
		const isSelected = line.index === selected;
		if (entry.kind === 'problem') {
			return cachedLine(entry, `${shape} ${isSelected}`, () => problemRowSegments(entry, width, isSelected));
		}

		return line.type === 'detail'
			? cachedLine(entry, `${shape} detail`, () => detailSegments(entry, columns, width))
			: cachedLine(entry, `${shape} ${isSelected}`, () => postRowSegments(entry, columns, width, isSelected, view.tags));
	});
}

/** Columns of the list's part of a line beside the preview (a ` │ ` separates the two). */
export function previewListWidth(width: number): number {
	return width - Math.min(60, Math.floor(width * 0.36)) - 3;
}

/** The list beside a preview of the selected post, for terminals 120 columns or wider. */
export function withPreview(view: ListBodyView, width: number, height: number): Line[] {
	const listWidth = previewListWidth(width);
	const paneWidth = width - listWidth - 3;
	const list = padTo(listLines(view, listWidth, height), listWidth, height);
	const entry = view.entries.entries[view.selected];
	const preview = entry?.kind === 'post'
		? previewLines(entry.post, paneWidth, height)
		: (entry ? [text(`⚠ ${entry.problem.path}`, paneWidth, {bold: true, color: 'warning'}), text(entry.problem.problem, paneWidth), text('', paneWidth), text('enter for details', paneWidth, {dim: true})] : []);
	const pane = padTo(preview, paneWidth, height);
	return list.map((line, index) => [...line, {text: ' │ ', dim: true}, ...pane[index]!]);
}

export const previewMinimumWidth = 120;

const examplePost = ['---', 'title: Hello, world', 'date: 2025-01-31', 'tags: [notes]', '---', '', 'My first post.'];

/** What to say when there is nothing to list, and why. */
export function emptyLines(library: Library, entries: ListEntries, filter: {query: string; tags: readonly string[]}, watching: boolean, width: number): Line[] {
	if (entries.totalPosts === 0) {
		if (entries.hiddenDrafts > 0) {
			return [
				text(` No published posts in ${library.label} yet: ${entries.hiddenDrafts.toLocaleString('en-US')} ${entries.hiddenDrafts === 1 ? 'draft is' : 'drafts are'} hidden.`, width, {bold: true}),
				text(' Run blog-tui with --drafts to see them.', width),
			];
		}

		return [
			text(` No posts in ${library.label} yet.`, width, {bold: true}),
			text('', width),
			text(' Add a Markdown file there to start, for example hello.md:', width),
			text('', width),
			...examplePost.map(line => text(`     ${line}`, width, {dim: true})),
			text('', width),
			text(watching ? ' It shows up here as soon as it is saved.' : ' Then run blog-tui again.', width),
		];
	}

	const narrowing = [filter.query.trim() === '' ? '' : `“${filter.query.trim()}”`, filter.tags.length === 0 ? '' : `tag ${filter.tags.join(' + ')}`].filter(Boolean).join(' with ');
	const undo = [filter.query.trim() === '' ? '' : 'Esc clears the filter', filter.tags.length === 0 ? '' : 'Backspace removes the last tag'].filter(Boolean).join(' · ');
	return [
		text(` No posts match ${narrowing}.`, width, {bold: true}),
		text(` ${undo}`, width, {dim: true}),
	];
}

export function indexingLines(label: string, progress: Indexing, width: number): Line[] {
	const done = progress.total === undefined
		? 'looking for posts…'
		: `${progress.read.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} ${progress.unit ?? 'files'} read`;
	return [
		text(` Indexing ${label}…`, width, {bold: true}),
		text(` ${done}`, width, {dim: true}),
		...(progress.detail === undefined ? [] : [text(` ${progress.detail}`, width, {dim: true})]),
	];
}

/** The tag browser: what was typed, then each tag with its post count, most used first. */
export function tagBrowserLines(tags: readonly TagCount[], cursor: ListCursor, query: string, active: readonly string[], width: number, height: number): Line[] {
	const note = active.length > 0 ? `with ${active.join(' + ')} · backspace removes` : 'enter picks · esc closes';
	const lines: Line[] = [inputSegments('Tag:', query, width, '', note)];
	if (tags.length === 0) {
		lines.push(text(query === '' ? ' No more tags to narrow by.' : ` No tag contains “${query}”.`, width, {dim: true}));
		return lines;
	}

	const countWidth = Math.max(...tags.map(({count}) => String(count).length));
	const needle = query.trim().toLowerCase();
	for (let index = cursor.top; index < tags.length && lines.length < height; index++) {
		const {tag, count} = tags[index]!;
		const selected = index === cursor.selected;
		const at = needle === '' ? -1 : tag.toLowerCase().indexOf(needle);
		const hits = at === -1 ? [] : Array.from({length: needle.length}, (_, offset) => at + offset);
		const name = fitSegments(highlight(tag, hits, {color: tagColour(tag)}), Math.max(0, Math.min(40, width - countWidth - 6)));
		const line = fitSegments([{text: selected ? ' ▸ ' : '   ', bold: true}, ...name, {text: ` ${String(count).padStart(countWidth)}`, dim: true}], width);
		lines.push(selected ? line.map(segment => ({...segment, inverse: true})) : line);
	}

	return lines;
}

function snippet(hit: ShownHit, width: number): Segment[] {
	// Long lines (a scraped post can be one line) are cut so the hit stays in view.
	const lead = 12;
	const from = hit.start > lead && hit.end > width - 4 ? hit.start - lead : 0;
	const shown = (from > 0 ? '…' : '') + hit.text.slice(from).trimEnd();
	const shift = from > 0 ? 1 - from : 0;
	const hits = Array.from({length: hit.end - hit.start}, (_, offset) => hit.start + offset + shift);
	return fitSegments(highlight(shown, hits, {}, {bold: true, underline: true, color: 'match'}), width);
}

/** What the search found, kept in view however long the term, and the hint after it. */
function searchNote(result: SearchResult, term: string, applied: string): [count: string, hint: string] {
	if (term.trim() === '') {
		return ['', 'type to search every post · esc back'];
	}

	if (term !== applied) {
		return ['searching…', ''];
	}

	if (result.hits.length === 0) {
		return ['no matches', ''];
	}

	const hits = `${result.hits.length.toLocaleString('en-US')}${result.truncated ? '+' : ''} ${result.hits.length === 1 ? 'line' : 'lines'}`;
	return [`${hits} in ${result.posts.toLocaleString('en-US')} ${result.posts === 1 ? 'post' : 'posts'}`, 'enter opens'];
}

/**
 * The full-text search screen: the term, then one line per hit: the post's title (once per post,
 * whole where it fits), the heading the line is under, and the line as the article shows it.
 */
export function searchLines(result: SearchResult, cursor: ListCursor, term: string, applied: string, width: number, height: number): Line[] {
	const lines: Line[] = [inputSegments('Search text:', term, width, ...searchNote(result, term, applied))];
	const visible = result.hits.slice(cursor.top, cursor.top + Math.max(0, height - 1));
	const shown = visible.map(hit => shownHit(hit, applied));
	const widest = (texts: Array<string | undefined>) => Math.max(0, ...texts.map(text => (text === undefined ? 0 : textWidth(text))));
	const titleWidth = Math.min(widest(visible.map(hit => hit.post.title)), Math.floor(width * 0.4));
	const headingWidth = Math.min(widest(shown.map(hit => hit.heading)), Math.floor(width * 0.2));
	const snippetWidth = Math.max(0, width - 3 - titleWidth - 2 - (headingWidth > 0 ? headingWidth + 3 : 1));
	for (const [offset, hit] of visible.entries()) {
		const index = cursor.top + offset;
		const selected = index === cursor.selected;
		const sameAsAbove = offset > 0 && visible[offset - 1]!.post === hit.post;
		const line = fitSegments([
			{text: selected ? ' ▸ ' : '   ', bold: true},
			...fitSegments([{text: sameAsAbove ? '' : hit.post.title, bold: true}], titleWidth),
			{text: '  '},
			...(headingWidth > 0 ? [...fitSegments([{text: shown[offset]!.heading ?? '', dim: true}], headingWidth), {text: ' │ ', dim: true}] : [{text: ' '}]),
			...snippet(shown[offset]!, snippetWidth),
		], width);
		lines.push(selected ? line.map(segment => ({...segment, inverse: true})) : line);
	}

	return lines;
}

/** Why a file is not in the list as a post, and what to do about it. */
export function problemLines(problem: Problem, watching: boolean, width: number, showFilePath: boolean): Line[] {
	return [
		text(` ⚠ ${problem.path}`, width, {bold: true, color: 'warning'}),
		text('', width),
		fitSegments([{text: ' Problem  ', dim: true}, {text: problem.problem}], width),
		...(showFilePath ? [fitSegments([{text: ' File     ', dim: true}, {text: problem.absolutePath}], width)] : []),
		text('', width),
		text(' This file could not be read as a post, so there is nothing more of it to show.', width),
		text(watching ? ' Fix it and save: the list picks it up at once.' : ' Fix it and run blog-tui again.', width),
		text('', width),
		text(' esc back', width, {dim: true}),
	];
}

/** The list's keys, grouped by screen, in place of the rows; `?` in an article lists the reading keys. */
export function helpLines(columns: number, height: number, top: number): Line[] {
	const keyWidth = Math.min(20, Math.max(8, Math.floor(columns / 3)));
	const lines: Line[] = [];
	for (const [title, keys] of listHelpGroups) {
		if (lines.length > 0) {
			lines.push([]);
		}

		lines.push(fitSegments([{text: ` ${title}`, bold: true}], columns));
		for (const {keys: names, does} of keys) {
			lines.push(fitSegments([{text: ` ${names}`.padEnd(keyWidth + 1), bold: true}, {text: ` ${does}`}], columns));
		}
	}

	lines.push([], fitSegments([{text: ' ? in an article lists the reading keys', dim: true}], columns));
	const rows = Math.max(0, height);
	const first = Math.max(0, Math.min(top, lines.length - rows));
	const shown = lines.slice(first, first + rows);
	// Say there is more, on the last line, rather than cut the list silently.
	if (first + rows < lines.length && rows > 0) {
		shown[rows - 1] = fitSegments([{text: ' ↓ more: j or space', dim: true}], columns);
	}

	return shown;
}
