import {parseDate} from './parse-date.js';
import type {PostDate} from './post.js';

export type Preamble = {
	/** The body with the lines that gave a field removed. */
	body: string;
	title?: string;
	date?: PostDate;
	readingMinutes?: number;
};

const linesLooked = 8;
const readTime = /^(\d{1,3})\s*(?:min|mins|minutes?)\s+read$/i;
const datePrefix = /^(?:(?:posted|published|written|updated|last updated)(?:\s+on)?|on|date)\s*:?\s*/i;

function unwrap(line: string): string {
	// `*Jun 4, 2023*`, `_5 min read_`, `> Posted on …` are still just a date or a read time.
	return line.trim().replace(/^>\s*/, '').replace(/^(\*{1,2}|_{1,2})(.*)\1$/, '$2').trim();
}

function asDate(part: string): PostDate | undefined {
	const text = part.replace(datePrefix, '');
	// Every accepted form has a four-digit year.
	return text.length >= 6 && text.length <= 40 && /\d{4}/.test(text) ? parseDate(text) : undefined;
}

function asMinutes(part: string): number | undefined {
	const match = readTime.exec(part);
	return match ? Math.max(1, Number(match[1])) : undefined;
}

/** A line made only of a date and/or `N min read` (`5 min read · Jun 4, 2023`), else undefined. */
export function metaLine(line: string): {date?: PostDate; minutes?: number} | undefined {
	const parts = unwrap(line).split(/\s+[·•|–—]\s+/).map(unwrap);
	const found: {date?: PostDate; minutes?: number} = {};
	for (const part of parts) {
		const minutes = asMinutes(part.trim());
		const date = minutes === undefined ? asDate(part.trim()) : undefined;
		if (minutes !== undefined && found.minutes === undefined) {
			found.minutes = minutes;
		} else if (date && !found.date) {
			found.date = date;
		} else {
			return undefined;
		}
	}

	return found;
}

/** A first line that reads as a title: short, alone in its paragraph, not a sentence or a Markdown block. */
function titleLine(line: string, next: string | undefined): string | undefined {
	if (line.length > 200) {
		return undefined;
	}

	const text = unwrap(line);
	if (next !== undefined && next.trim() !== '') {
		return undefined;
	}

	if (text.length < 2 || text.length > 100 || /[.,;:!]$/.test(text) || /^([-*+>|<!#[`~=]|\d+[.)]\s)/.test(text) || !/\p{L}/u.test(text)) {
		return undefined;
	}

	return text.replace(/(\*\*|__|`)/g, '');
}

/** The body's first lines, up to and including the `nonBlank`-th non-blank one and the line after it. */
function firstLines(body: string, nonBlank: number): string[] {
	const lines: string[] = [];
	let seen = 0;
	let start = 0;
	while (start <= body.length && seen <= nonBlank) {
		const end = body.indexOf('\n', start);
		const line = body.slice(start, end === -1 ? body.length : end);
		lines.push(line);
		if (line.trim() !== '') {
			seen++;
		}

		if (end === -1) {
			break;
		}

		start = end + 1;
	}

	return lines;
}

/**
 * For posts without frontmatter fields: finds a title line, a standalone date line and an
 * `N min read` line among the first lines (as pasted from a blog page), and removes the ones used.
 */
export function inferPreamble(body: string, wanted: {title: boolean; date: boolean; readingMinutes: boolean}): Preamble {
	const lines = firstLines(body, linesLooked);
	const remove = new Set<number>();
	const found: Preamble = {body};
	let seen = 0;
	for (let index = 0; index < lines.length && seen < linesLooked; index++) {
		const line = lines[index]!;
		if (line.trim() === '') {
			continue;
		}

		seen++;
		const meta = line.length <= 80 && /\d/.test(line) ? metaLine(line) : undefined;
		if (meta && ((meta.date && wanted.date && !found.date) || (meta.minutes !== undefined && wanted.readingMinutes && found.readingMinutes === undefined))) {
			if (wanted.date && meta.date && !found.date) {
				found.date = meta.date;
			}

			if (wanted.readingMinutes && meta.minutes !== undefined && found.readingMinutes === undefined) {
				found.readingMinutes = meta.minutes;
			}

			remove.add(index);
			continue;
		}

		if (seen === 1 && wanted.title) {
			const title = titleLine(line, lines[index + 1]);
			if (title) {
				found.title = title;
				remove.add(index);
			}
		}
	}

	if (remove.size > 0) {
		const all = body.split('\n');
		// A removed line takes the blank line after it along, so no gap is left behind.
		found.body = all.filter((line, index) => !remove.has(index) && !(line.trim() === '' && remove.has(index - 1))).join('\n').replace(/^\n+/, '');
	}

	return found;
}
