// Windows-1252 bytes 0x80–0x9F and the characters they decode to (undefined bytes decode to C1 controls).
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const byteOf = new Map<string, number>();
for (let byte = 0x80; byte <= 0xFF; byte++) {
	byteOf.set(byte < 0xA0 ? cp1252High[byte - 0x80]! : String.fromCharCode(byte), byte);
}

// Characters a UTF-8 continuation byte (0x80–0xBF) turns into when read as Windows-1252.
const continuation = `[${cp1252High}\u00A0-\u00BF]`;
// A UTF-8 lead byte read as Windows-1252, followed by exactly the continuation bytes it announces.
const sequence = new RegExp(`[\u00C2-\u00DF]${continuation}|[\u00E0-\u00EF]${continuation}{2}|[\u00F0-\u00F4]${continuation}{3}`, 'g');
const strict = new TextDecoder('utf-8', {fatal: true});

function reverse(run: string): string {
	const bytes = Uint8Array.from(run, character => byteOf.get(character)!);
	try {
		const repaired = strict.decode(bytes);
		// A sequence that decodes to a C1 control was not mojibake of real text.
		return /[\u0080-\u009F]/.test(repaired) ? run : repaired;
	} catch {
		return run;
	}
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
