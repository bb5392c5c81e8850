import type {KeyPress} from './keys.js';

/**
 * The longest query any prompt takes, in characters (code points). A paste of a whole page into a
 * filter would otherwise make every key that follows re-match and redraw that page (over `serve`
 * a stranger's paste slows every session).
 */
export const maxQueryLength = 256;

const space = /\s/u;

/** Where the last word starts, spaces after it included: readline's Ctrl-W, in one backward pass. */
function lastWordStart(query: string): number {
	let index = query.length;
	while (index > 0 && space.test(query[index - 1]!)) {
		index--;
	}

	while (index > 0 && !space.test(query[index - 1]!)) {
		index--;
	}

	return index;
}

/** The query less its last character, a surrogate pair counted as one. */
function withoutLastCharacter(query: string): string {
	const last = query.charCodeAt(query.length - 1);
	const isLowSurrogate = last >= 0xDC_00 && last <= 0xDF_FF;
	return query.slice(0, isLowSurrogate && query.length > 1 ? -2 : -1);
}

function characterCount(query: string): number {
	let count = 0;
	for (const _ of query) {
		count++;
	}

	return count;
}

/**
 * Edits a one-line query: printable keys type (so `q` is a letter here), Backspace deletes,
 * Ctrl-U clears, Ctrl-W deletes a word. Undefined when the key is not an edit. Every edit costs at
 * most the query's length, and the query never grows past `maxQueryLength`: keys beyond it are
 * edits that change nothing.
 */
export function editQuery(query: string, key: KeyPress): string | undefined {
	if (key.ctrl) {
		if (key.name === 'u') {
			return '';
		}

		if (key.name === 'w') {
			return query.slice(0, lastWordStart(query));
		}

		return undefined;
	}

	if (key.name === 'backspace') {
		return withoutLastCharacter(query);
	}

	if ([...key.name].length === 1 && key.name >= ' ') {
		return query.length >= maxQueryLength && characterCount(query) >= maxQueryLength ? query : query + key.name;
	}

	return undefined;
}
