export type Decoded = {text: string; warnings: string[]} | {binary: true};

/** Turns file bytes into normalised text: BOMs, UTF-16, CRLF and lone CR handled; NUL means binary. */
export function decodeText(bytes: Uint8Array): Decoded {
	const warnings: string[] = [];
	let text: string;
	if (bytes[0] === 0xFF && bytes[1] === 0xFE) {
		text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
	} else if (bytes[0] === 0xFE && bytes[1] === 0xFF) {
		text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
	} else {
		if (bytes.includes(0)) {
			return {binary: true};
		}

		try {
			text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(bytes);
		} catch {
			text = new TextDecoder('windows-1252').decode(bytes);
			warnings.push('not valid UTF-8: read as Windows-1252');
		}
	}

	if (text.includes('\0')) {
		return {binary: true};
	}

	return {text: text.replace(/\r\n?/g, '\n'), warnings};
}
