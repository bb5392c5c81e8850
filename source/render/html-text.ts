const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00A0', copy: '©', reg: '®', hellip: '…', mdash: '—', ndash: '–', laquo: '«', raquo: '»', middot: '·'};

/** Decodes the HTML entities raw HTML text uses most; the result still goes through the sanitiser. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (entity, body: string) => {
		if (body.startsWith('#')) {
			const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10_FFFF && (code < 0xD8_00 || code > 0xDF_FF) ? String.fromCodePoint(code) : '\uFFFD';
		}

		return named[body.toLowerCase()] ?? entity;
	});
}

/**
 * The text content of a raw HTML block, one entry per non-empty line: comments, scripts, styles and
 * tags removed, entities decoded. Raw HTML is never passed to the terminal.
 */
export function htmlBlockText(html: string): string[] {
	const text = html
		.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
		.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/?(?:p|div|details|summary|li|ul|ol|tr|h[1-6]|blockquote|pre|table|section|article|figure|figcaption)\b[^>]*>/gi, '\n')
		.replace(/<[^>]*>/g, '');
	return decodeEntities(text).split('\n').map(line => line.trim()).filter(line => line !== '');
}
