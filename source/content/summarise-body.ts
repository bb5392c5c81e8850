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
const exactUpTo = 2048;
const window = 512;

function isCjk(code: number): boolean {
	return (code >= 0x3040 && code <= 0x9FFF) || (code >= 0xAC00 && code <= 0xD7AF);
}

/**
 * Spaces and CJK characters in the body: counted exactly in short bodies, in every fourth
 * 512-character window of long ones (scaled up to the whole body).
 */
function countWordsAndCharacters(body: string): {spaces: number; characters: number} {
	const stride = body.length <= exactUpTo ? body.length : window * 4;
	const length = body.length <= exactUpTo ? body.length : window;
	let spaces = 0;
	let characters = 0;
	let sampled = 0;
	for (let start = 0; start < body.length; start += stride) {
		const end = Math.min(start + length, body.length);
		for (let index = start; index < end; index++) {
			const code = body.charCodeAt(index);
			if (code === 32) {
				spaces++;
			} else if (isCjk(code)) {
				characters++;
			}
		}

		sampled += end - start;
	}

	const scale = sampled === 0 ? 0 : body.length / sampled;
	return {spaces: Math.round(spaces * scale), characters: Math.round(characters * scale)};
}

/**
 * Reading time in whole minutes (at least 1): words ÷ 230 plus CJK characters ÷ 500. Words are
 * counted as spaces plus lines; a long body is sampled, which is plenty for a figure shown in minutes.
 */
export function readingMinutes(body: string, lineCount: number): number {
	const {spaces, characters} = countWordsAndCharacters(body);
	const words = spaces + lineCount;
	return Math.max(1, Math.round((words / wordsPerMinute) + (characters / charactersPerMinute)));
}
