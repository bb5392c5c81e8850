import {decodeHTML, decodeHTMLStrict} from 'entities';

// What a numeric entity may name but must never reach a terminal: C0 controls except tab and
// newline, DEL, C1 controls, bidi embeddings/overrides/isolates. `&#27;` is ESC.
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function safe(text: string): string {
	return text.replace(unsafe, '');
}

/**
 * Markdown text with its HTML5 entities decoded (named and numeric, CommonMark's rule: only with
 * the `;`), never yielding a control character. Not for code, where entities stay as written.
 */
export function decodeEntities(text: string): string {
	return text.includes('&') ? safe(decodeHTMLStrict(text)) : text;
}

/** The same for text inside raw HTML, decoded as a browser does (`&copy 2020` without its `;` too). */
export function decodeHtmlEntities(text: string): string {
	return text.includes('&') ? safe(decodeHTML(text)) : text;
}
