/**
 * Everything a terminal could act on or that changes how a line reads, beyond what `JSON.stringify`
 * escapes (C0): DEL and C1 controls (U+009B starts a control sequence, U+009D an OSC title change on
 * some terminals), format characters (bidi overrides and isolates U+202A–202E, U+2066–2069, marks
 * U+200E/F and U+061C, zero-width characters, tags) and the line and paragraph separators U+2028/9.
 */
const unprintable = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

function escapeUnits(character: string): string {
	// A raw line feed is indentation: inside strings `JSON.stringify` has already written it as `\n`.
	if (character === '\n') {
		return character;
	}

	let escaped = '';
	for (let index = 0; index < character.length; index++) {
		escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
	}

	return escaped;
}

/**
 * JSON text that is safe to show on a terminal (`list --json`, every field of the server's log): the
 * data stays identical for any JSON reader, only the characters above are written as `\uXXXX`.
 */
export function terminalSafeJson(value: unknown, indent?: number): string {
	return (JSON.stringify(value, undefined, indent) ?? 'null').replaceAll(unprintable, escapeUnits);
}
