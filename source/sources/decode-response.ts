import iconv from 'iconv-lite';

export type DecodedResponse = {text: string; charset: string; warnings: string[]};

function fromContentType(contentType: string | undefined): string | undefined {
	return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
}

/** `<?xml version="1.0" encoding="windows-1251"?>`, `<meta charset="…">` or `<meta http-equiv … content="…; charset=…">`. */
function fromDocument(head: string): string | undefined {
	return /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1]
		?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

function fromBom(bytes: Buffer): {charset: string; skip: number} | undefined {
	if (bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) {
		return {charset: 'utf-8', skip: 3};
	}

	if (bytes[0] === 0xFF && bytes[1] === 0xFE) {
		return {charset: 'utf-16le', skip: 2};
	}

	if (bytes[0] === 0xFE && bytes[1] === 0xFF) {
		return {charset: 'utf-16be', skip: 2};
	}

	return undefined;
}

/**
 * A response body as text, in the charset its bytes say (a byte-order mark), else its headers,
 * else its XML declaration or HTML meta tag, else UTF-8. An unknown charset is read as UTF-8, with a warning.
 */
export function decodeResponse(bytes: Buffer, contentType: string | undefined): DecodedResponse {
	const bom = fromBom(bytes);
	// The declaration and meta tags are ASCII in every charset a page may declare this way.
	const declared = bom?.charset ?? fromContentType(contentType) ?? fromDocument(bytes.subarray(0, 2048).toString('latin1'));
	const warnings: string[] = [];
	const wanted: string = (declared ?? 'utf-8').toLowerCase();
	const known = iconv.encodingExists(wanted);
	if (!known) {
		warnings.push(`unknown charset "${String(declared).slice(0, 40)}": read as UTF-8`);
	}

	const charset = known ? wanted : 'utf-8';

	const text = iconv.decode(bytes.subarray(bom?.skip ?? 0), charset, {stripBOM: true}).replaceAll(/\r\n?/g, '\n');
	return {text, charset, warnings};
}
