// C0 controls except newline, DEL, C1 controls, and bidi embeddings/overrides/isolates.
const forbidden = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Makes untrusted text safe to print: no control characters can reach the terminal. Tabs become spaces. */
export function sanitize(text: string): string {
	return text.replace(/\t/g, '    ').replace(forbidden, '');
}

// The same characters, plus newline and tab: in running text both become a space.
const notProse = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** `sanitize` for running text, in one pass: newlines and tabs become spaces (wrapping collapses them). */
export function sanitizeProse(text: string): string {
	return text.replace(notProse, character => character === '\n' || character === '\t' ? ' ' : '');
}
