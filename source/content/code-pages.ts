import {Buffer} from 'node:buffer';
import iconv from 'iconv-lite';

/** A legacy single-byte code page, as UTF-8 text read with it looks. */
export type CodePage = {
	name: string;
	/** The character each byte 0x00–0xFF reads as. */
	characters: string[];
	/** Character → byte, to turn mojibake back into the bytes it was read from. */
	byteOf: Map<string, number>;
};

// The code pages UTF-8 is most often misread as (Windows' ANSI pages of Europe and the ISO ones).
const names = [
	'windows-1252', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1257', 'iso-8859-1',
	'iso-8859-2', 'iso-8859-4', 'iso-8859-5', 'iso-8859-7', 'iso-8859-9', 'iso-8859-13', 'iso-8859-15', 'iso-8859-16',
];
const allBytes = Buffer.from(Array.from({length: 256}, (_, byte) => byte));

function build(name: string, fallback?: string[]): CodePage {
	const decoded = [...iconv.decode(allBytes, name)];
	// A byte the page leaves undefined reads as its C1 control, as browsers read it; readers of other
	// pages that fell back to Windows-1252 for it left that character (`👋` as Windows-1253: `πŸ‘‹`).
	const characters = decoded.map((character, byte) => (character === '\uFFFD' ? String.fromCharCode(byte) : character));
	const byteOf = new Map<string, number>();
	for (const [byte, character] of characters.entries()) {
		byteOf.set(character, byte);
		const other = fallback?.[byte];
		if (decoded[byte] === '\uFFFD' && other !== undefined && !byteOf.has(other)) {
			byteOf.set(other, byte);
		}
	}

	return {name, characters, byteOf};
}

const windows1252 = build('windows-1252');

/** Every code page the mojibake repair tries, Windows-1252 first. */
export const codePages: readonly CodePage[] = [windows1252, ...names.slice(1).map(name => build(name, windows1252.characters))];

/** Bytes read as Windows-1252 the way browsers do (its five undefined bytes as C1 controls). */
export function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (let start = 0; start < bytes.length; start += 8192) {
		text += Array.from(bytes.subarray(start, start + 8192), byte => windows1252.characters[byte]!).join('');
	}

	return text;
}
