import {Buffer} from 'node:buffer';
import {windows1252Byte, windows1252High} from './windows-1252.js';

// Characters a UTF-8 continuation byte (0x80–0xBF) turns into when read as Windows-1252.
const continuation = `[${windows1252High}\u00A0-\u00BF]`;
// A UTF-8 lead byte read as Windows-1252, followed by exactly the continuation bytes it announces.
const sequence = new RegExp(`[\u00C2-\u00DF]${continuation}|[\u00E0-\u00EF]${continuation}{2}|[\u00F0-\u00F4]${continuation}{3}`, 'g');
// The first UTF-8 byte of each of those characters (C2, C5, C6, CB, E2).
const continuationLeads = new Set(Array.from(`${windows1252High}${String.fromCharCode(...Array.from({length: 32}, (_, index) => 0xA0 + index))}`, character => Buffer.from(character)[0]!));
const strict = new TextDecoder('utf-8', {fatal: true});

function reverse(run: string): string {
	const bytes = Uint8Array.from(run, character => windows1252Byte.get(character)!);
	try {
		const repaired = strict.decode(bytes);
		// A sequence that decodes to a C1 control was not mojibake of real text.
		return /[\u0080-\u009F]/.test(repaired) ? run : repaired;
	} catch {
		return run;
	}
}

/**
 * Whether UTF-8 bytes may hold mojibake `repairMojibake` would change: every sequence it repairs
 * starts with a lead character Â–ô (UTF-8 `C3 82`–`C3 B4`) right before a continuation character.
 * A native byte search that rules out almost every post without scanning its decoded text.
 */
export function mayHoldMojibake(bytes: Uint8Array): boolean {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	for (let index = buffer.indexOf(0xC3); index !== -1; index = buffer.indexOf(0xC3, index + 1)) {
		const second = buffer[index + 1]!;
		if (second >= 0x82 && second <= 0xB4 && continuationLeads.has(buffer[index + 2]!)) {
			return true;
		}
	}

	return false;
}

/**
 * Undoes UTF-8 that was read as Windows-1252 (`â€™` → `’`, `Ã©` → `é`): each run of such characters is
 * replaced only when turning it back into bytes gives exactly one valid UTF-8 character; anything
 * else is left as written.
 */
export function repairMojibake(text: string): {text: string; repaired: boolean} {
	sequence.lastIndex = 0;
	if (!sequence.test(text)) {
		return {text, repaired: false};
	}

	const repaired = text.replace(sequence, reverse);
	return {text: repaired, repaired: repaired !== text};
}
