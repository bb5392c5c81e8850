import {Buffer, isAscii, isUtf8} from 'node:buffer';
import {decodeWindows1252} from './windows-1252.js';

export type Decoded = {text: string; warnings: string[]; ascii: boolean} | {binary: true};

const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Turns file bytes into text with LF line ends. UTF-8 (BOM or not) and UTF-16 with a BOM are read as
 * such; bytes that are not valid UTF-8 are read as Windows-1252 with a warning; a NUL byte means binary.
 */
export function decodeText(bytes: Uint8Array): Decoded {
	const warnings: string[] = [];
	let text: string;
	let ascii = false;
	if (startsWith(bytes, [0xFF, 0xFE])) {
		text = utf16le.decode(bytes.subarray(2));
	} else if (startsWith(bytes, [0xFE, 0xFF])) {
		text = utf16be.decode(bytes.subarray(2));
	} else {
		const content = startsWith(bytes, [0xEF, 0xBB, 0xBF]) ? bytes.subarray(3) : bytes;
		const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
		// Buffer's indexOf is a native byte search; Uint8Array's includes is not.
		if (buffer.indexOf(0) !== -1) {
			return {binary: true};
		}

		ascii = isAscii(buffer);
		if (ascii || isUtf8(buffer)) {
			text = buffer.toString(ascii ? 'latin1' : 'utf8');
		} else {
			text = decodeWindows1252(content);
			warnings.push('not valid UTF-8: read as Windows-1252');
		}
	}

	if (text.includes('\0')) {
		return {binary: true};
	}

	return {text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, warnings, ascii};
}
