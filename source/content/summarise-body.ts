import {cleanText} from './read-fields.js';
import {type BodyScan, plainInline} from './outline.js';

const descriptionLength = 200;
// Paragraphs that are pictures, badges, inline HTML or a table's rows: not a summary.
const notProse = /^ {0,3}(?:!\[|\[!\[|<|\|)/;

/** A byline or a label (`Jane Doe`, `Photo by X`) is not what a reader wants as a summary. */
function isShortLine(lines: string[]): boolean {
	return lines.length === 1 && lines[0]!.trim().split(/\s+/).length < 5 && !/[.!?]$/.test(lines[0]!.trim());
}

/**
 * The first real paragraph as plain text, cut at a word boundary: what a list shows under a title.
 * Paragraphs are the ones the body scan found, so code, HTML, quotes and lists are never summarised.
 */
export function firstParagraph(body: string, scanned: BodyScan): string {
	if (scanned.paragraphs.length === 0) {
		return '';
	}

	const lines = body.split('\n', scanned.paragraphs.at(-1)!.line + scanned.paragraphs.at(-1)!.lines);
	let fallback: string[] | undefined;
	let chosen: string[] | undefined;
	for (const paragraph of scanned.paragraphs) {
		const text = lines.slice(paragraph.line, paragraph.line + paragraph.lines);
		if (notProse.test(text[0]!)) {
			continue;
		}

		if (isShortLine(text)) {
			fallback ??= text;
			continue;
		}

		chosen = text;
		break;
	}

	// Only the start can show; inline patterns are slow on a megabyte-long line.
	const start = (chosen ?? fallback ?? []).join(' ').slice(0, descriptionLength * 4);
	return cleanText(plainInline(start.replace(/<[^>]*>/g, '')), descriptionLength);
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
