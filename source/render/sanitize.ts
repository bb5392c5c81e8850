import {invisibleControls, isLineSeparator, lineSeparators} from '../content/terminal-unsafe.js';

// C0 controls except newline, and every invisible control or separator (see terminal-unsafe).
const forbidden = new RegExp(`[\\u0000-\\u0009\\u000B-\\u001F${invisibleControls}${lineSeparators}]`, 'g');

/**
 * Makes untrusted text safe to print: no control characters can reach the terminal. Tabs become
 * spaces, and so do line and paragraph separators (removing them would join two words).
 */
export function sanitize(text: string): string {
	return text.replace(/\t/g, '    ').replace(forbidden, character => (isLineSeparator(character) ? ' ' : ''));
}

// The same characters, plus newline and tab: in running text both become a space.
const notProse = new RegExp(`[\\u0000-\\u001F${invisibleControls}${lineSeparators}]`, 'g');

/** `sanitize` for running text, in one pass: newlines and tabs become spaces (wrapping collapses them). */
export function sanitizeProse(text: string): string {
	return text.replace(notProse, character => character === '\n' || character === '\t' || isLineSeparator(character) ? ' ' : '');
}
