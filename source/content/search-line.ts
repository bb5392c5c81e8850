import {plainInline, withoutContainers} from './outline.js';
import type {Post} from './post.js';
import {type SearchHit, termPattern} from './search-posts.js';

/** A search hit as a reader sees it: the line's text without Markdown, and the heading it sits under. */
export type ShownHit = {
	text: string;
	/** The first match in `text` (UTF-16 indexes); both 0 when the term is only in markup (a link's address). */
	start: number;
	end: number;
	/** The nearest heading above the line (or the line itself), if any. */
	heading: string | undefined;
};

const fence = /^ {0,3}(`{3,}|~{3,})/;

const codeLinesOf = new WeakMap<Post, Set<number>>();

/** Lines inside fenced code (fences included): they are shown as written, as the article draws code. */
function codeLines(post: Post): Set<number> {
	let lines = codeLinesOf.get(post);
	if (!lines) {
		lines = new Set();
		let open: string | undefined;
		for (const [index, line] of post.body.split('\n').entries()) {
			const marker = fence.exec(withoutContainers(line))?.[1];
			if (open === undefined && marker) {
				open = marker;
				lines.add(index);
			} else if (open !== undefined) {
				lines.add(index);
				if (marker && marker[0] === open[0] && marker.length >= open.length) {
					open = undefined;
				}
			}
		}

		codeLinesOf.set(post, lines);
	}

	return lines;
}

function headingAbove(post: Post, line: number): string | undefined {
	let heading: string | undefined;
	for (const candidate of post.headings) {
		if (candidate.line <= line) {
			heading = candidate.text;
		} else {
			break;
		}
	}

	return heading;
}

/** The hit's line as text: list, quote and heading markers, emphasis, code ticks and link addresses gone; table cells apart. */
function plainLine(text: string): string {
	const inner = withoutContainers(text).replace(/^ {0,3}#{1,6}(?:\s+|$)/, '').replace(/\s+#+\s*$/, '');
	const cells = /^\s*\|.*\|\s*$/.test(inner) ? inner.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map(cell => cell.trim()).join('  ') : inner;
	return plainInline(cells);
}

/** How a full-text hit is shown: computed only for the hits on screen. */
export function shownHit(hit: SearchHit, term: string): ShownHit {
	const heading = headingAbove(hit.post, hit.line);
	if (codeLines(hit.post).has(hit.line)) {
		const indent = hit.text.length - hit.text.trimStart().length;
		return {text: hit.text.trim(), start: Math.max(0, hit.start - indent), end: Math.max(0, hit.end - indent), heading};
	}

	const text = plainLine(hit.text);
	const match = termPattern(term).exec(text);
	return match ? {text, start: match.index, end: match.index + match[0].length, heading} : {text, start: 0, end: 0, heading};
}
