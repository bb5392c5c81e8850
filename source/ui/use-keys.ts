import {useInput, useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {type KeyPress, toKeyPresses} from './keys.js';

/** Calls `handler` once per keystroke, also when several arrive in one write. */
export function useKeys(handler: (key: KeyPress) => void, isActive = true): void {
	// Each read as Ink split it, noted before useInput's handler runs: its listener is added after
	// this one (effects run in order) and re-added on every render, so it stays behind.
	const raw = useRef<string | undefined>(undefined);
	const {internal_eventEmitter: events} = useStdin();
	useEffect(() => {
		const note = (data: string) => {
			raw.current = data;
		};

		// Optional: an Ink without it still gives every key but Esc-then-punctuation in one read.
		events?.on('input', note);
		return () => {
			events?.removeListener('input', note);
		};
	}, [events]);
	useInput((input, key) => {
		for (const press of toKeyPresses(input, key, raw.current)) {
			handler(press);
		}
	}, {isActive});
}
