import type {Post} from '../../content/post.js';
import {postMatch} from './fuzzy-filter.js';
import type {PostEntry, ProblemEntry} from './list-entries.js';
import {fitSegments, highlight, type Segment, segmentsWidth} from '../segments.js';
import {tagColour} from './tag-colour.js';

/** Widths of a post row's columns; 0 means the column is left out at this width. */
export type RowColumns = {date: number; title: number; tags: number; minutes: number};

const marker = 3;
const margin = 1;
const gap = 2;
const dateWidth = 10;
const minutesWidth = 6;

/** Lays the columns out for a list `width`, giving tags at most a third of what titles could use. */
export function rowColumns(width: number, widestTags: number): RowColumns {
	let rest = Math.max(0, width - marker - margin);
	const date = rest >= 30 ? dateWidth : 0;
	rest -= date === 0 ? 0 : date + gap;
	const minutes = rest >= 44 ? minutesWidth : 0;
	rest -= minutes === 0 ? 0 : minutes + gap;
	const tags = rest >= 34 && widestTags > 0 ? Math.min(widestTags, Math.floor(rest * 0.35)) : 0;
	rest -= tags === 0 ? 0 : tags + gap;
	return {date, title: Math.max(0, rest), tags, minutes};
}

/** The chips of a row: a draft mark first, then each tag in its own colour, matches highlighted. */
export function chipSegments(post: Post, tagMatches?: ReadonlyMap<string, readonly number[]>): Segment[] {
	const segments: Segment[] = [];
	if (post.draft) {
		segments.push({text: 'draft', color: 'draft', bold: true});
	}

	for (const tag of post.tags) {
		if (segments.length > 0) {
			segments.push({text: ' '});
		}

		segments.push(...highlight(tag, tagMatches?.get(tag), {color: tagColour(tag)}));
	}

	return segments;
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

export function postRowSegments(entry: PostEntry, columns: RowColumns, width: number, selected: boolean): Segment[] {
	const {post} = entry;
	const match = entry.hit && postMatch(entry.hit);
	const line: Segment[] = [...markerSegments(selected, entry.problem !== undefined)];
	if (columns.date > 0) {
		line.push(post.date ? {text: post.date.iso.slice(0, 10)} : {text: 'undated'.padEnd(dateWidth), dim: true}, space(gap));
	}

	line.push(...fitSegments(highlight(post.title, match?.title, {}, {bold: true, underline: true, color: 'match'}), columns.title));
	if (columns.tags > 0) {
		line.push(space(gap), ...fitSegments(chipSegments(post, match?.tags), columns.tags));
	}

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

/** Widest chips among `posts`, so every row's tag column lines up. */
export function widestChips(posts: readonly Post[]): number {
	let widest = 0;
	for (const post of posts) {
		widest = Math.max(widest, segmentsWidth(chipSegments(post)));
	}

	return widest;
}
