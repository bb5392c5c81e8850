import {Buffer} from 'node:buffer';
import {type CodePage, codePages} from './code-pages.js';

type Page = CodePage & {
	/** One UTF-8 sequence read as this page: a lead character and its continuations. */
	sequence: RegExp;
	/** One or more such sequences in a row. */
	run: RegExp;
	bit: number;
};

const escape = (characters: string[]) => characters.map(character => `\\u{${character.codePointAt(0)!.toString(16)}}`).join('');

function charactersFor(page: CodePage, from: number, to: number): string[] {
	const found = page.characters.slice(from, to + 1);
	// Continuations also match the Windows-1252 characters its undefined bytes may have been read as.
	return [...new Set([...found, ...[...page.byteOf.keys()].filter(character => {
		const byte = page.byteOf.get(character)!;
		return byte >= from && byte <= to;
	})])];
}

const pages: Page[] = codePages.map((page, index) => {
	const continuation = `[${escape(charactersFor(page, 0x80, 0xBF))}]`;
	const lead = (from: number, to: number) => `[${escape(charactersFor(page, from, to))}]`;
	const sequence = `${lead(0xC2, 0xDF)}${continuation}|${lead(0xE0, 0xEF)}${continuation}{2}|${lead(0xF0, 0xF4)}${continuation}{3}`;
	return {...page, sequence: new RegExp(sequence, 'gu'), run: new RegExp(`(?:${sequence})+`, 'gu'), bit: 1 << index};
});

// For the byte search: which pages read a character as a lead byte, and which as a continuation byte.
const leadPages = new Map<number, number>();
const continuationPages = new Map<number, number>();
for (const page of pages) {
	for (const [character, byte] of page.byteOf) {
		const target = byte >= 0xC2 && byte <= 0xF4 ? leadPages : byte >= 0x80 && byte <= 0xBF ? continuationPages : undefined;
		target?.set(character.codePointAt(0)!, (target.get(character.codePointAt(0)!) ?? 0) | page.bit);
	}
}

const leadFirstBytes = [...new Set([...leadPages.keys()].filter(code => code >= 0x80).map(code => Buffer.from(String.fromCodePoint(code))[0]!))];

/** The code point of the UTF-8 character at `index` and its length, or undefined when none starts there. */
function characterAt(buffer: Buffer, index: number): {code: number; length: number} | undefined {
	const first = buffer[index];
	if (first === undefined) {
		return undefined;
	}

	if (first < 0x80) {
		return {code: first, length: 1};
	}

	const length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
	if (length === 0 || index + length > buffer.length) {
		return undefined;
	}

	let code = first & (0x7F >> length);
	for (let offset = 1; offset < length; offset++) {
		code = (code << 6) | (buffer[index + offset]! & 0x3F);
	}

	return {code, length};
}

/**
 * Whether UTF-8 bytes may hold mojibake `repairMojibake` would change: every sequence it repairs
 * starts with a character some code page reads a UTF-8 lead byte as, right before one that page
 * reads a continuation byte as. A few native byte searches that rule out almost every post.
 */
export function mayHoldMojibake(bytes: Uint8Array): boolean {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (const first of leadFirstBytes) {
		for (let index = buffer.indexOf(first); index !== -1; index = buffer.indexOf(first, index + 1)) {
			const lead = characterAt(buffer, index);
			const mask = lead && leadPages.get(lead.code);
			const next = mask ? characterAt(buffer, index + lead.length) : undefined;
			if (next && ((continuationPages.get(next.code) ?? 0) & mask!) !== 0) {
				return true;
			}
		}
	}

	return false;
}

const strict = new TextDecoder('utf-8', {fatal: true});
const sampleSize = 64;
const scripts = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Thai', 'Hangul', 'Hiragana', 'Katakana', 'Han'].map(name => new RegExp(`\\p{Script=${name}}`, 'u'));
// Typography and symbols people write: dashes, quotes, bullets, arrows, emoji and other pictographs.
const typography = /[\u2010-\u205E\u2190-\u21FF\p{So}\p{Extended_Pictographic}\u00A0\u00AB\u00BB]/u;

// What each character is, for `oddness`: -1 not a letter and odd, -2 common typography, else a letter's script.
const kinds = new Map<number, number>();

function kindOf(character: string): number {
	const code = character.codePointAt(0)!;
	let kind = kinds.get(code);
	if (kind === undefined) {
		kind = /\p{L}/u.test(character) ? scripts.findIndex(script => script.test(character)) + scripts.length : typography.test(character) ? -2 : -1;
		kinds.set(code, kind);
	}

	return kind;
}

/**
 * How odd a piece of text reads: ten for each character a reader would not expect (not ASCII, not a
 * letter and not common typography: `¼`, `³`, a lone combining mark; or a letter of another script
 * than the letter before it, as in `πŸ`), plus one for every other character that is not ASCII, so
 * that of two equally odd readings the shorter wins.
 */
function oddness(text: string): number {
	let score = 0;
	let script = -3;
	for (const character of text) {
		if (character.charCodeAt(0) < 0x80) {
			continue;
		}

		const kind = kindOf(character);
		if (kind >= 0) {
			score += script !== -3 && kind !== script ? 10 : 1;
			script = kind;
		} else {
			score += kind === -2 ? 1 : 10;
		}
	}

	return score;
}

/** The run as the UTF-8 it was and how much less odd that reads (next to its neighbours); undefined when it is not mojibake. */
function reverse(run: string, page: Page, before: string, after: string): {text: string; gain: number} | undefined {
	const bytes = Uint8Array.from(run, character => page.byteOf.get(character)!);
	let repaired: string;
	try {
		repaired = strict.decode(bytes);
	} catch {
		return undefined;
	}

	// A C1 control is not text anyone wrote; real Greek, Cyrillic or Turkish words read worse reversed (`Він` → `³н`).
	const gain = oddness(before + run + after) - oddness(before + repaired + after);
	return /[\u0080-\u009F]/.test(repaired) || gain <= 0 ? undefined : {text: repaired, gain};
}

/**
 * Undoes UTF-8 that was read with a legacy code page (`â€™` → `’` from Windows-1252, `πŸ‘‹` → `👋`
 * from Windows-1253, and the other Windows and ISO-8859 pages of `code-pages.ts`). Each page whose
 * characters a run fits is tried; a run is replaced only when its bytes are valid UTF-8 and read with
 * fewer unusual characters (see `oddness`); the page whose first sequences gain the most is applied. Anything else is left as written.
 */
export function repairMojibake(text: string): {text: string; repaired: boolean} {
	// Each page is judged on its first sequences, read next to their neighbours; only the best is applied in full.
	let best: {page: Page; gain: number} | undefined;
	for (const page of pages) {
		page.sequence.lastIndex = 0;
		let gain = 0;
		for (let count = 0, match = page.sequence.exec(text); match && count < sampleSize; count++, match = page.sequence.exec(text)) {
			gain += reverse(match[0], page, text.charAt(match.index - 1), text.charAt(match.index + match[0].length))?.gain ?? 0;
		}

		if (gain > 0 && (!best || gain > best.gain)) {
			best = {page, gain};
		}
	}

	if (!best) {
		return {text, repaired: false};
	}

	const {page} = best;
	page.run.lastIndex = 0;
	const repaired = text.replace(page.run, (run: string, offset: number) => reverse(run, page, text.charAt(offset - 1), text.charAt(offset + run.length))?.text ?? run);
	return {text: repaired, repaired: repaired !== text};
}
