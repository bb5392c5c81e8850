import {useInput} from 'ink';
import {type KeyPress, toKeyPresses} from './keys.js';

/** Calls `handler` once per keystroke, also when several arrive in one write. */
export function useKeys(handler: (key: KeyPress) => void, isActive = true): void {
	useInput((input, key) => {
		for (const press of toKeyPresses(input, key)) {
			handler(press);
		}
	}, {isActive});
}
