import type {KeyPress} from './keys.js';

/**
 * Edits a one-line query: printable keys type (so `q` is a letter here), Backspace deletes,
 * Ctrl-U clears, Ctrl-W deletes a word. Undefined when the key is not an edit.
 */
export function editQuery(query: string, key: KeyPress): string | undefined {
	if (key.ctrl) {
		if (key.name === 'u') {
			return '';
		}

		if (key.name === 'w') {
			return query.replace(/\S*\s*$/u, '');
		}

		return undefined;
	}

	if (key.name === 'backspace') {
		return [...query].slice(0, -1).join('');
	}

	if ([...key.name].length === 1 && key.name >= ' ') {
		return query + key.name;
	}

	return undefined;
}
