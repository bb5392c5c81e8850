/**
 * What untrusted text must never carry to a terminal, as the inside of a regular-expression class
 * (C0 controls are left to each caller, which keeps tab and newline in its own way).
 *
 * Controls and marks that are invisible yet change the terminal or the layout around them: DEL, C1
 * controls (U+009B starts a control sequence on some terminals), the bidi marks U+061C, U+200E and
 * U+200F, the embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
 */
export const invisibleControls = String.raw`\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069`;

/** U+2028 and U+2029: line and paragraph separators some terminals break lines at; in text, a space. */
export const lineSeparators = String.raw`\u2028\u2029`;

export function isLineSeparator(character: string): boolean {
	return character === '\u2028' || character === '\u2029';
}
