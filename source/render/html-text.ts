import {decodeHtmlEntities} from '../content/decode-entities.js';
import {jsxSpace} from '../content/jsx-children.js';

/**
 * The text content of a raw HTML block, one entry per non-empty line: comments, processing
 * instructions, declarations, CDATA, scripts, styles and tags removed, entities decoded. Raw HTML
 * is never passed to the terminal.
 */
export function htmlBlockText(html: string): string[] {
	const text = html
		.replace(/<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![A-Za-z][^>]*>?/g, '')
		.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
		.replace(jsxSpace, ' ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/?(?:p|div|details|summary|li|ul|ol|tr|h[1-6]|blockquote|pre|table|section|article|figure|figcaption)\b[^>]*>/gi, '\n')
		.replace(/<[^>]*>/g, '');
	return decodeHtmlEntities(text).split('\n').map(line => line.trim()).filter(line => line !== '');
}
