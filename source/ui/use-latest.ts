import {useRef} from 'react';

/**
 * The value from the latest render, for key handlers: Ink swaps in a new input handler only after
 * the frame is on screen, and a key typed in between must not act on the screen before it.
 */
export function useLatest<Value>(value: Value): {readonly current: Value} {
	const latest = useRef(value);
	latest.current = value;
	return latest;
}
