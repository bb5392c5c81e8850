import stringWidth from 'string-width';

const printableAscii = /^[\u0020-\u007E]*$/;
const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const cache = new Map<string, number>();

/**
 * Width of one UTF-16 unit that is a whole character of a known width, or -1 when only string-width
 * can tell (combining marks, emoji, surrogates, zero-width and other special characters).
 */
function simpleWidth(code: number): number {
	if (code >= 0x20 && code <= 0x7E) {
		return 1;
	}

	// Latin-1 (but the soft hyphen), Latin Extended, IPA, Greek and Cyrillic letters: one column.
	if ((code >= 0xA0 && code <= 0x2FF && code !== 0xAD) || (code >= 0x370 && code <= 0x482) || (code >= 0x48A && code <= 0x52F)) {
		return 1;
	}

	// Punctuation, arrows, symbols, box drawing and shapes this renderer draws with (`—…→─│╭•☐`),
	// minus the few emoji among them.
	if ((code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x205F) || (code >= 0x2070 && code <= 0x20CF) || (code >= 0x2100 && code <= 0x2319) || (code >= 0x2500 && code <= 0x25FC) || (code >= 0x2610 && code <= 0x2613)) {
		return 1;
	}

	// Kana, CJK ideographs, Hangul syllables and full-width forms: two columns.
	if ((code >= 0x3041 && code <= 0x3096) || (code >= 0x309B && code <= 0x30FF) || (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xAC00 && code <= 0xD7A3) || (code >= 0xFF01 && code <= 0xFF60)) {
		return 2;
	}

	return -1;
}

/** Whether every character of `text` is a printable ASCII one (one column each). */
export function isPrintableAscii(text: string): boolean {
	return printableAscii.test(text);
}

/** Columns `text` takes on a terminal (no escape sequences in it). Common scripts skip string-width. */
export function textWidth(text: string): number {
	// One native test instead of a loop: most words are plain ASCII (and a first render runs cold).
	if (isPrintableAscii(text)) {
		return text.length;
	}

	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const columns = simpleWidth(text.charCodeAt(index));
		if (columns < 0) {
			let known = cache.get(text);
			if (known === undefined) {
				known = stringWidth(text);
				if (cache.size > 20_000) {
					cache.clear();
				}

				cache.set(text, known);
			}

			return known;
		}

		width += columns;
	}

	return width;
}

/** The text cut into user-perceived characters with their widths, for breaking anywhere. */
export function splitGraphemes(text: string): Array<{text: string; width: number}> {
	if (printableAscii.test(text)) {
		return Array.from(text, character => ({text: character, width: 1}));
	}

	return Array.from(graphemes.segment(text), ({segment}) => ({text: segment, width: textWidth(segment)}));
}
