import {Buffer, isAscii, isUtf8} from 'node:buffer';
import {decodeWindows1252} from './code-pages.js';

export type Decoded = {text: string; warnings: string[]; ascii: boolean} | {binary: true};

const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, index) => bytes[index] === byte);
}

/** Whether the bytes start with a UTF-16 byte order mark (they are then read as UTF-16). */
export function isUtf16(bytes: Uint8Array): boolean {
	return startsWith(bytes, [0xFF, 0xFE]) || startsWith(bytes, [0xFE, 0xFF]);
}

function lineFeeds(text: string): string {
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Turns file bytes into text with LF line ends. UTF-8 (BOM or not) and UTF-16 with a BOM are read as
 * such; bytes that are not valid UTF-8 are read as Windows-1252 with a warning; a NUL byte means binary.
 */
export function decodeText(bytes: Uint8Array): Decoded {
	if (isUtf16(bytes)) {
		const text = (bytes[0] === 0xFF ? utf16le : utf16be).decode(bytes.subarray(2));
		return text.includes('\0') ? {binary: true} : {text: lineFeeds(text), warnings: [], ascii: false};
	}

	const content = startsWith(bytes, [0xEF, 0xBB, 0xBF]) ? bytes.subarray(3) : bytes;
	const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
	// Searched in the bytes, natively, rather than in the (often two-byte) decoded string.
	if (buffer.indexOf(0) !== -1) {
		return {binary: true};
	}

	const ascii = isAscii(buffer);
	const utf8 = ascii || isUtf8(buffer);
	const text = utf8 ? buffer.toString(ascii ? 'latin1' : 'utf8') : decodeWindows1252(content);
	return {
		text: buffer.indexOf(13) === -1 ? text : lineFeeds(text),
		warnings: utf8 ? [] : ['not valid UTF-8: read as Windows-1252'],
		ascii,
	};
}
