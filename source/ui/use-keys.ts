import {type Key as InkKey, useInput, useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {type KeyPress, toKeyPresses} from './keys.js';
import {notWatching, watchReplies} from './terminal-replies.js';
import {useLatest} from './use-latest.js';

type Read = {input: string; key: InkKey; raw: string | undefined};

/**
 * Calls `handler` once per keystroke, also when several arrive in one write, while `isActive`.
 * The hook listens all along and reads `isActive` from the latest render: Ink attaches a handler
 * only in an effect after the frame is drawn, so a screen coming back (the list after `q` with
 * `quit = "back"`) lost the keys typed in between.
 */
export function useKeys(handler: (key: KeyPress) => void, isActive = true): void {
	const active = useLatest(isActive);
	// Each read as Ink split it, noted before useInput's handler runs: its listener is added after
	// this one (effects run in order) and re-added on every render, so it stays behind.
	const raw = useRef<string | undefined>(undefined);
	const watch = useRef(notWatching);
	const held = useRef<Read | undefined>(undefined);
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
	const deliver = ({input, key, raw}: Read) => {
		for (const press of toKeyPresses(input, key, raw)) {
			handler(press);
		}
	};

	useInput((input, key) => {
		if (!active.current) {
			return;
		}

		const read = {input, key, raw: raw.current};
		const step = watchReplies(watch.current, read.raw ?? input);
		watch.current = step.watch;
		if (step.held === 'keys' && held.current) {
			deliver(held.current);
		}

		if (step.held) {
			held.current = undefined;
		}

		if (step.watch.opened) {
			held.current = read;
			// Ink hands over every read of one chunk before any microtask runs: a `\x1b]` with nothing
			// after it in its chunk was typed, not sent by the terminal.
			queueMicrotask(() => {
				if (held.current === read) {
					held.current = undefined;
					watch.current = notWatching;
					deliver(read);
				}
			});
		} else if (step.deliver === 'all') {
			deliver(read);
		} else if (step.deliver !== 'none') {
			deliver({input: step.deliver.after, key, raw: step.deliver.after});
		}
	});
}
