import {useEffect, useRef} from 'react';

/**
 * Runs `run` once `pending` has stayed the same for `delayMs`: work that would lag typing (a fuzzy
 * pass or a full-text search over thousands of posts) waits for the typing to pause. `undefined`
 * means nothing is pending.
 */
export function useAfterPause(pending: string | undefined, run: () => void, delayMs: number): void {
	const latest = useRef(run);
	latest.current = run;
	useEffect(() => {
		if (pending === undefined) {
			return;
		}

		const timer = setTimeout(() => {
			latest.current();
		}, delayMs);
		return () => {
			clearTimeout(timer);
		};
	}, [pending, delayMs]);
}
