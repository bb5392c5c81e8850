import stringWidth from 'string-width';

const printableAscii = /^[\u0020-\u007E]*$/;
const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Columns `text` takes on a terminal (no escape sequences in it); ASCII skips the Unicode tables. */
export function textWidth(text: string): number {
	return printableAscii.test(text) ? text.length : stringWidth(text);
}

/** The text cut into user-perceived characters with their widths, for breaking anywhere. */
export function splitGraphemes(text: string): Array<{text: string; width: number}> {
	if (printableAscii.test(text)) {
		return Array.from(text, character => ({text: character, width: 1}));
	}

	return Array.from(graphemes.segment(text), ({segment}) => ({text: segment, width: stringWidth(segment)}));
}
