import type {Key as InkKey} from 'ink';

/** One keystroke, named the same way whether it arrived alone or batched with others. */
export type KeyPress = {
	/** `up`, `down`, `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `return`, `escape`, `tab`, `backspace`, `delete`, or the character typed. */
	name: string;
	ctrl: boolean;
	shift: boolean;
	/** For `click` (a left-button press): where, 1-based, as the terminal reports it. */
	at?: {column: number; row: number};
};

const namedKeys: Array<[keyof InkKey, string]> = [
	['upArrow', 'up'],
	['downArrow', 'down'],
	['leftArrow', 'left'],
	['rightArrow', 'right'],
	['pageUp', 'pageup'],
	['pageDown', 'pagedown'],
	['home', 'home'],
	['end', 'end'],
	['return', 'return'],
	['escape', 'escape'],
	['tab', 'tab'],
	['backspace', 'backspace'],
	['delete', 'delete'],
];

const controlCharacters: Record<string, string> = {
	'\r': 'return',
	'\n': 'return',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u001B': 'escape',
};

const escapeKey: KeyPress = {name: 'escape', ctrl: false, shift: false};

function fromCharacter(character: string): KeyPress {
	const named = controlCharacters[character];
	if (named) {
		return {name: named, ctrl: false, shift: false};
	}

	const code = character.codePointAt(0)!;
	if (code >= 1 && code <= 26) {
		return {name: String.fromCodePoint(code + 96), ctrl: true, shift: false};
	}

	return {name: character, ctrl: false, shift: character !== character.toLowerCase()};
}

/** `\x1b` and a punctuation key other than `[` (which starts an escape sequence). */
function isEscapedPunctuation(raw: string): boolean {
	const code = raw.charCodeAt(1);
	return raw.length === 2 && raw.charCodeAt(0) === 0x1B
		&& ((code >= 0x21 && code <= 0x2F) || (code >= 0x3A && code <= 0x40) || (code >= 0x5C && code <= 0x60) || (code >= 0x7B && code <= 0x7E));
}

/** An SGR mouse report (mode 1006): `\x1b[<button;column;row` and `M` for a press, `m` for a release. */
export type MouseReport = {button: number; column: number; row: number; release: boolean};

const mousePattern = /^\u001B?\[<(\d{1,4});(\d{1,5});(\d{1,5})([Mm])$/;

/** The mouse report in one read, or undefined; Ink hands it over without its Esc (`[<64;10;5M`). */
export function parseMouse(sequence: string): MouseReport | undefined {
	const match = mousePattern.exec(sequence);
	return match ? {button: Number(match[1]), column: Number(match[2]), row: Number(match[3]), release: match[4] === 'm'} : undefined;
}

const namedKeyNames = new Set(namedKeys.map(([, name]) => name));

/** Said until the next key when a key means nothing on a screen, so a reader learns where to look. */
export function unknownKeyMessage(key: KeyPress): string {
	const shown = key.name === ' ' ? 'space' : namedKeyNames.has(key.name) || /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(key.name) ? key.name : undefined;
	if (shown === undefined) {
		return '? for help';
	}

	return `${key.ctrl ? `ctrl-${shown}` : shown} does nothing here · ? for help`;
}

/** Lines a wheel notch scrolls, as in less and most pagers. */
export const wheelStep = 3;

/**
 * The wheel as arrow keys, so every screen scrolls with it, and a left-button press as `click` with
 * its place (screens that know what is drawn there act on it, the others ignore it); any other
 * report is dropped, never typed text.
 */
function mouseKeys({button, column, row, release}: MouseReport): KeyPress[] {
	// Bits 2–4 are Shift, Meta and Ctrl; 64 and 65 are the wheel's up and down, 0 the left button.
	const wheel = button & ~0b1_1100;
	if (wheel === 0 && !release) {
		return [{name: 'click', ctrl: (button & 0b1_0000) !== 0, shift: (button & 0b100) !== 0, at: {column, row}}];
	}

	if (release || (wheel !== 64 && wheel !== 65)) {
		return [];
	}

	return Array.from({length: wheelStep}, () => ({name: wheel === 64 ? 'up' : 'down', ctrl: false, shift: false}));
}

/**
 * Turns one Ink input event into the keystrokes it holds. Over SSH and in pastes several keys
 * arrive in one write (`jjj`, `j\r`), which Ink hands over as a single string. `raw` is the event
 * as Ink read it, when known.
 */
export function toKeyPresses(input: string, key: InkKey, raw?: string): KeyPress[] {
	const mouse = parseMouse(raw ?? input) ?? parseMouse(input);
	if (mouse) {
		return mouseKeys(mouse);
	}

	// Esc and a punctuation key in one read (`\x1b/`: Esc to close a search, / to start the next)
	// reach Ink's handlers as the bare character, with no sign of the Esc but in the raw read.
	if (raw !== undefined && !key.meta && isEscapedPunctuation(raw) && input === raw[1]) {
		return [escapeKey, fromCharacter(input)];
	}

	// Esc and the next key in one read (a quick typist over SSH) reach Ink as one Alt-key; nothing
	// here is bound to Alt, so it is the two keys it was. Ink reports a lone Esc with `meta` too.
	if (key.meta && key.escape && input === '\u001B') {
		return [escapeKey, escapeKey];
	}

	if (key.meta && !key.escape) {
		return [escapeKey, ...toKeyPresses(input, {...key, meta: false})];
	}

	for (const [flag, name] of namedKeys) {
		if (key[flag] === true) {
			// Ink 6 reports Backspace (0x7f) as `delete`; terminals send 0x7f for the Backspace key.
			const resolved = name === 'delete' && input === '' ? 'backspace' : name;
			return [{name: resolved, ctrl: key.ctrl, shift: key.shift}];
		}
	}

	if (key.ctrl && input.length === 1) {
		return [{name: input, ctrl: true, shift: false}];
	}

	return [...input].map(character => fromCharacter(character));
}
