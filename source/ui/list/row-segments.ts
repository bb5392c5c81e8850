import type {Post} from '../../content/post.js';
import {type PostMatch, postMatch} from './fuzzy-filter.js';
import type {PostEntry, ProblemEntry} from './list-entries.js';
import {fitSegments, highlight, type Segment, segmentsWidth} from '../segments.js';
import {tagColour} from './tag-colour.js';

/** Widths of a post row's columns; 0 means the column is left out at this width. `main` holds the title and its tags. */
export type RowColumns = {date: number; main: number; minutes: number};

const marker = 3;
const margin = 1;
const gap = 2;
const dateWidth = 10;
const minutesWidth = 6;
// A title is not cut below this to make room for tags: the title is what a row is read by.
const shortestCutTitle = 12;

/** Lays the columns out for a list `width`; the title and its tags share what the date and reading time leave. */
export function rowColumns(width: number): RowColumns {
	let rest = Math.max(0, width - marker - margin);
	const date = rest >= 30 ? dateWidth : 0;
	rest -= date === 0 ? 0 : date + gap;
	const minutes = rest >= 44 ? minutesWidth : 0;
	rest -= minutes === 0 ? 0 : minutes + gap;
	return {date, main: Math.max(0, rest), minutes};
}

/** The post's tags with the ones filtered by first, as the reason the row is there. */
function orderedTags(tags: readonly string[], active: readonly string[]): string[] {
	const wanted = new Set(active.map(tag => tag.toLowerCase()));
	return [...tags.filter(tag => wanted.has(tag.toLowerCase())), ...tags.filter(tag => !wanted.has(tag.toLowerCase()))];
}

/**
 * The title, then as many whole chips as fit beside it (a draft mark first, tags filtered by next),
 * `+N` for the tags left out, all in `width`. The title is cut only when even `+N` would not fit,
 * and then no shorter than a dozen columns; the chips sit at the right edge so rows line up.
 */
export function titleAndTags(post: Post, width: number, activeTags: readonly string[], match?: PostMatch): Segment[] {
	const title = highlight(post.title, match?.title, {}, {bold: true, underline: true, color: 'match'});
	const chips = chipList(post, activeTags, match);
	if (chips.length === 0) {
		return fitSegments(title, width);
	}

	const titleWidth = segmentsWidth(title);
	// `+N` for the chips left out, with the space before it when chips come first.
	const more = (left: number, after: number) => (left === 0 ? 0 : String(left).length + 1 + (after > 0 ? 1 : 0));
	const fits = (room: number) => {
		let used = 0;
		let count = 0;
		while (count < chips.length && used + (count > 0 ? 1 : 0) + segmentsWidth(chips[count]!) + more(chips.length - count - 1, count + 1) <= room) {
			used += (count > 0 ? 1 : 0) + segmentsWidth(chips[count]!);
			count++;
		}

		return count;
	};

	let room = width - titleWidth - gap;
	if (fits(room) === 0 && more(chips.length, 0) > room) {
		// Not even `+N` fits: cut the title for it, unless that leaves too little of the title.
		room = Math.min(more(chips.length, 0), width - shortestCutTitle - gap);
		if (room < more(chips.length, 0)) {
			return fitSegments(title, width);
		}
	}

	const count = fits(room);
	const shown = joined([...chips.slice(0, count), ...(count < chips.length ? [[{text: `+${chips.length - count}`, dim: true}]] : [])]);
	return [...fitSegments(title, Math.max(0, width - segmentsWidth(shown) - gap)), space(gap), ...shown];
}

/** The chips of a row, one each: a draft mark first, then the tags filtered by, then the others, matches highlighted. */
function chipList(post: Post, activeTags: readonly string[], match?: PostMatch): Segment[][] {
	return [
		...(post.draft ? [[{text: 'draft', color: 'draft' as const, bold: true}]] : []),
		...orderedTags(post.tags, activeTags).map(tag => highlight(tag, match?.tags.get(tag), {color: tagColour(tag)})),
	];
}

function joined(chips: readonly Segment[][]): Segment[] {
	return chips.flatMap((chip, index) => (index > 0 ? [{text: ' '}, ...chip] : chip));
}

/** A draft mark and each tag in its own colour, space apart. */
export function chipSegments(post: Post): Segment[] {
	return joined(chipList(post, []));
}

function space(width: number): Segment {
	return {text: ' '.repeat(width)};
}

/** ` ▸ ` on the selected row; ` ⚠ ` on a post read with a problem (its line under it says which). */
function markerSegments(selected: boolean, warning: boolean): Segment[] {
	if (selected) {
		return [{text: ' ▸ ', bold: true}];
	}

	return warning ? [space(1), {text: '⚠', color: 'warning'}, space(1)] : [space(marker)];
}

export function postRowSegments(entry: PostEntry, columns: RowColumns, width: number, selected: boolean, activeTags: readonly string[] = []): Segment[] {
	const {post} = entry;
	const line: Segment[] = [...markerSegments(selected, entry.problem !== undefined)];
	if (columns.date > 0) {
		line.push(post.date ? {text: post.date.iso.slice(0, 10)} : {text: 'undated'.padEnd(dateWidth), dim: true}, space(gap));
	}

	line.push(...titleAndTags(post, columns.main, activeTags, entry.hit && postMatch(entry.hit)));
	if (columns.minutes > 0) {
		line.push(space(gap), {text: `${post.readingMinutes} min`.padStart(minutesWidth), dim: true});
	}

	return selectedStyle(fitSegments(line, width), selected);
}

function selectedStyle(segments: Segment[], selected: boolean): Segment[] {
	return selected ? segments.map(segment => ({...segment, inverse: true})) : segments;
}

export function problemRowSegments(entry: ProblemEntry, width: number, selected: boolean): Segment[] {
	const {problem, match} = entry;
	const line: Segment[] = [
		...markerSegments(selected, false),
		{text: '⚠ ', color: 'warning'},
		...highlight(problem.path, match, {color: 'warning'}, {color: 'warning', bold: true, underline: true}),
		space(gap),
		{text: problem.problem, color: 'warning', dim: true},
	];
	return selectedStyle(fitSegments(line, width), selected);
}

/** The line under the selected post: why it was only partly read, and its description. */
export function detailSegments(entry: PostEntry, columns: RowColumns, width: number): Segment[] {
	const indent = marker + (columns.date > 0 ? dateWidth + gap : 0);
	const line: Segment[] = [space(indent)];
	if (entry.problem) {
		line.push({text: `⚠ ${entry.problem}`, color: 'warning'});
		if (entry.post.description !== '') {
			line.push({text: ' · ', dim: true});
		}
	}

	line.push(...highlight(entry.post.description, entry.hit && postMatch(entry.hit).description, {dim: true}, {bold: true, underline: true}));
	return fitSegments(line, width);
}

export function groupSegments(label: string, width: number): Segment[] {
	return fitSegments([{text: ` ${label}`, bold: true}], width);
}
