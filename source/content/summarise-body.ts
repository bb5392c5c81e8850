import {cleanText} from './read-fields.js';
import {plainInline} from './outline.js';

const descriptionLength = 200;
const notProse = /^(?: {0,3}(?:#|`{3}|~{3}|>|\||[-*+] |\d+[.)] |!\[|<|\[!\[|---|\*\*\*|___|===)| {4}|\t)/;

/** A byline or a label (`Jane Doe`, `Photo by X`) is not what a reader wants as a summary. */
function isShortLine(lines: string[]): boolean {
	return lines.length === 1 && lines[0]!.trim().split(/\s+/).length < 5 && !/[.!?]$/.test(lines[0]!.trim());
}

/** The first real paragraph as plain text, cut at a word boundary: what a list shows under a title. */
export function firstParagraph(body: string): string {
	let fallback: string[] | undefined;
	let paragraph: string[] = [];
	let inFence = false;
	let index = 0;
	while (index <= body.length) {
		const end = body.indexOf('\n', index);
		const line = body.slice(index, end === -1 ? body.length : end);
		index = end === -1 ? body.length + 1 : end + 1;
		if (/^ {0,3}(`{3}|~{3})/.test(line)) {
			inFence = !inFence;
			paragraph = [];
			continue;
		}

		if (inFence) {
			continue;
		}

		if (line.trim() === '') {
			if (paragraph.length > 0 && isShortLine(paragraph)) {
				fallback ??= paragraph;
				paragraph = [];
			} else if (paragraph.length > 0) {
				break;
			}

			continue;
		}

		if (paragraph.length === 0 && notProse.test(line)) {
			continue;
		}

		paragraph.push(line);
		if (paragraph.join(' ').length > descriptionLength * 4) {
			break;
		}
	}

	const chosen = (paragraph.length > 0 ? paragraph : fallback ?? []).join(' ');
	// Only the start can show; inline patterns are slow on a megabyte-long line.
	const text = plainInline(chosen.slice(0, descriptionLength * 4).replace(/<[^>]*>/g, ''));
	return cleanText(text, descriptionLength);
}

const wordsPerMinute = 230;
// Han, kana and hangul are read by character (~500 a minute) rather than by word.
const charactersPerMinute = 500;
const cjk = /[\u3040-\u9FFF\uAC00-\uD7AF]/g;

function count(text: string, character: string, from: number, to: number): number {
	let found = 0;
	for (let index = text.indexOf(character, from); index !== -1 && index < to; index = text.indexOf(character, index + 1)) {
		found++;
	}

	return found;
}

const exactUpTo = 2048;
const window = 512;

/** Spaces in the body: counted exactly in short bodies, in every fourth 512-character window of long ones. */
function spaces(body: string): number {
	if (body.length <= exactUpTo) {
		return count(body, ' ', 0, body.length);
	}

	let counted = 0;
	let sampled = 0;
	for (let start = 0; start < body.length; start += window * 4) {
		const end = Math.min(start + window, body.length);
		counted += count(body, ' ', start, end);
		sampled += end - start;
	}

	return Math.round(counted * (body.length / sampled));
}

/**
 * Reading time in whole minutes (at least 1): words ÷ 230 plus CJK characters ÷ 500. Words are
 * counted as spaces plus lines; a long body is sampled, which is plenty for a figure shown in minutes.
 */
export function readingMinutes(body: string, lineCount: number): number {
	const words = spaces(body) + lineCount;
	const characters = /[\u3040-\u9FFF\uAC00-\uD7AF]/.test(body) ? body.match(cjk)?.length ?? 0 : 0;
	return Math.max(1, Math.round((words / wordsPerMinute) + (characters / charactersPerMinute)));
}
