import {metaLine} from './infer-preamble.js';
import type {PostDate} from './post.js';

/**
 * Posts copied from a blog page (DEV Community, Medium, Hashnode, Substack saved as text) keep the
 * page around the article: the site's name, "Back to Blog", "Cover image for …", the author's name
 * twice, "Posted on …", "Follow", reaction counts at the top; comments, sign-up and sponsor boxes and
 * footers at the end. This finds the real title among them and cuts the rest.
 */
export type PageChrome = {
	body: string;
	title?: {text: string; source: string};
	date?: PostDate;
	readingMinutes?: number;
	author?: string;
	tags?: string[];
	warnings: string[];
};

type Kind = 'site' | 'nav' | 'cover' | 'posted' | 'meta' | 'action' | 'count' | 'tags' | 'text';
type HeadLine = {index: number; text: string; kind: Kind; date?: PostDate; minutes?: number};

// The top of a page is a few short lines; a long one is the article.
const headLines = 25;
const headLineLength = 160;
const site = /^(?:DEV(?: Community)?|dev\.to|Medium|Hashnode|Substack)\b[\s\p{Extended_Pictographic}\u200D\uFE0F]*$/iu;
const nav = /^(?:←\s*)?(?:back to (?:blog|all posts|posts|articles|home)|skip to (?:main )?content|open in app|sign in|sign up|get started|write)$/i;
const cover = /^cover image for\s+(.+)$/i;
const posted = /^(?:posted|published)(?:\s+on)?\b\s*:?\s*(.*)$/i;
const action = /^(?:follow|following|subscribe|share|listen|save|member-only story|add reaction|copy link|like|comment|restack|[·•∙|—–-])$/i;
const count = /^[\p{Extended_Pictographic}\u200D\uFE0F\s]*\d[\d,.]*\s*[kKmM]?\s*(?:reactions?|likes?|comments?|claps?|responses?|followers?)?$/u;
const tagLine = /^#[\p{L}\p{N}_-]+(?:\s+#[\p{L}\p{N}_-]+)*$/u;
const personName = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}$/u;
// Lines that start the page's end: everything from the first of them in the later part of the post goes.
const tailMarker = /^(?:top comments \(\d+\)|comments \(\d+\)|discussion \(\d+\)|\d+ comments?|sign up to discover .*|recommended from medium|written by .+|more from .+|read next|read more\s*(?:→|->|»)?|subscribe to (?:our|my|the) newsletter|thanks for reading .*|sponsored|sponsor|brought to you by .+|code of conduct.*|share this post|get the app)$/i;
const tailFrom = 0.3;

function classify(index: number, text: string): HeadLine {
	const line: HeadLine = {index, text, kind: 'text'};
	const coverMatch = cover.exec(text);
	const postedMatch = coverMatch ? undefined : posted.exec(text);
	if (coverMatch) {
		line.kind = 'cover';
	} else if (postedMatch) {
		line.kind = 'posted';
		line.date = metaLine(postedMatch[1]!.split(/\s+[·•|]\s+/)[0]!)?.date;
	} else if (site.test(text)) {
		line.kind = 'site';
	} else if (nav.test(text)) {
		line.kind = 'nav';
	} else if (action.test(text)) {
		line.kind = 'action';
	} else if (count.test(text)) {
		line.kind = 'count';
	} else if (tagLine.test(text)) {
		line.kind = 'tags';
	} else if (/\d/.test(text) && text.length <= 80) {
		const meta = metaLine(text);
		if (meta) {
			line.kind = 'meta';
			line.date = meta.date;
			line.minutes = meta.minutes;
		}
	}

	return line;
}

function head(lines: string[]): HeadLine[] {
	const found: HeadLine[] = [];
	for (let index = 0; index < lines.length && found.length < headLines; index++) {
		const text = lines[index]!.trim();
		if (text === '') {
			continue;
		}

		if (text.length > headLineLength) {
			break;
		}

		found.push(classify(index, text));
	}

	return found;
}

const same = (a: string, b: string) => a.replace(/^#+\s+/, '').toLowerCase() === b.replace(/^#+\s+/, '').toLowerCase();
const marksAuthor = (line: HeadLine | undefined) => line !== undefined && (line.kind === 'posted' || line.kind === 'action' || line.kind === 'meta');

/** Title, author and the lines to drop, from the classified top of the page. */
function readHead(lines: HeadLine[], result: PageChrome, drop: Set<number>): void {
	const last = lines.findLastIndex(line => line.kind !== 'text');
	for (const line of lines.slice(0, last + 1)) {
		if (line.kind !== 'text') {
			drop.add(line.index);
		}

		result.date ??= line.date;
		result.readingMinutes ??= line.minutes;
		if (line.kind === 'tags') {
			result.tags ??= line.text.split(/\s+/).map(tag => tag.slice(1));
		}
	}

	const coverLine = lines.find(line => line.kind === 'cover');
	const text = lines.filter(line => line.kind === 'text');
	// The author's name twice, or once right before "Posted on" / a date / "Follow".
	for (const [position, line] of lines.entries()) {
		if (line.kind !== 'text' || drop.has(line.index) || !personName.test(line.text)) {
			continue;
		}

		const next = lines[position + 1];
		const twice = next?.kind === 'text' && next.text === line.text && marksAuthor(lines[position + 2]);
		if (twice || (marksAuthor(next) && position <= last)) {
			result.author ??= line.text;
			drop.add(line.index);
			if (twice) {
				drop.add(next.index);
			}
		}
	}

	const remaining = text.filter(line => !drop.has(line.index));
	let title: {text: string; source: string} | undefined;
	if (coverLine) {
		title = {text: cover.exec(coverLine.text)![1]!.trim(), source: 'cover image line'};
	} else {
		const postedAt = lines.findIndex(line => line.kind === 'posted');
		// The title follows "Posted on" in the same block, with only chrome between them.
		let afterPosted: HeadLine | undefined;
		for (let position = postedAt + 1; postedAt !== -1 && position < lines.length && lines[position]!.index === lines[position - 1]!.index + 1; position++) {
			if (lines[position]!.kind === 'text' && !drop.has(lines[position]!.index)) {
				afterPosted = lines[position];
				break;
			}
		}

		const repeated = remaining.find((line, position) => remaining.slice(position + 1).some(other => same(other.text, line.text)));
		// Else the first line above the last piece of chrome, unless it is a `#` heading (the H1 rule takes that).
		const first = remaining.find(line => line.index < lines[last]!.index);
		title = afterPosted ? {text: afterPosted.text, source: 'line after Posted on'}
			: repeated ? {text: repeated.text, source: 'repeated line'}
				: first && !first.text.startsWith('#') ? {text: first.text, source: 'first line'} : undefined;
	}

	if (title) {
		result.title = {text: title.text.replace(/^#+\s+/, ''), source: title.source};
		for (const line of remaining.filter(candidate => same(candidate.text, title.text))) {
			drop.add(line.index);
		}
	}
}

function cutTail(lines: string[], drop: Set<number>, result: PageChrome): number {
	const start = Math.floor(lines.length * tailFrom);
	for (let index = start; index < lines.length; index++) {
		const text = lines[index]!.trim();
		if (!drop.has(index) && tailMarker.test(text)) {
			const cut = lines.slice(index).filter(line => line.trim() !== '').length;
			result.warnings.push(`page chrome cut at the end: ${cut} line${cut === 1 ? '' : 's'} from ${JSON.stringify(text.length > 40 ? `${text.slice(0, 39)}…` : text)}`);
			return index;
		}
	}

	return lines.length;
}

/**
 * The article without the page around it, or undefined when the body does not start like a saved
 * page (two or more chrome lines at the top, or a site name or "Cover image for" line).
 */
export function stripPageChrome(body: string): PageChrome | undefined {
	const lines = body.split('\n');
	const top = head(lines);
	const chrome = top.filter(line => line.kind !== 'text');
	if (chrome.length < 2 && !chrome.some(line => line.kind === 'site' || line.kind === 'cover')) {
		return undefined;
	}

	const result: PageChrome = {body, warnings: []};
	const drop = new Set<number>();
	readHead(top, result, drop);
	const end = cutTail(lines, drop, result);
	const kept = lines.slice(0, end).filter((_, index) => !drop.has(index));
	result.body = `${kept.join('\n').replace(/^\n+/, '').replace(/\n+$/, '')}\n`;
	return result;
}
