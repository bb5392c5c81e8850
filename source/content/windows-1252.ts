// Windows-1252 bytes 0x80–0x9F and their characters; the five undefined bytes stay C1 controls, as browsers decode them.
const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** The characters bytes 0x80–0x9F decode to, in byte order. */
export const windows1252High = high;

/** Character → byte for every byte 0x80–0xFF. */
export const windows1252Byte = new Map<string, number>();
for (let byte = 0x80; byte <= 0xFF; byte++) {
	windows1252Byte.set(byte < 0xA0 ? high[byte - 0x80]! : String.fromCharCode(byte), byte);
}

/** Decodes Windows-1252 here rather than with TextDecoder, which Node builds without full ICU treat as Latin-1. */
export function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (let start = 0; start < bytes.length; start += 8192) {
		const chunk = bytes.subarray(start, start + 8192);
		text += String.fromCharCode(...Array.from(chunk, byte => (byte >= 0x80 && byte < 0xA0 ? high.charCodeAt(byte - 0x80) : byte)));
	}

	return text;
}
