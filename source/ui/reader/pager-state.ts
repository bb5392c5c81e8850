import type {KeyPress} from '../keys.js';

/** The reading position: `top` is the first line in the viewport. */
export type PagerState = {top: number};

export function maxTop(lineCount: number, height: number): number {
	return Math.max(0, lineCount - Math.max(1, height));
}

export function scrollTo(top: number, lineCount: number, height: number): PagerState {
	return {top: Math.max(0, Math.min(Math.round(top), maxTop(lineCount, height)))};
}

/** Applies one pager key; returns the same state when the key is not a scrolling key. */
export function pagerKey(state: PagerState, key: KeyPress, lineCount: number, height: number): PagerState {
	const page = Math.max(1, height - 1);
	const half = Math.max(1, Math.floor(height / 2));
	const by = (delta: number) => scrollTo(state.top + delta, lineCount, height);
	switch (key.name) {
		case 'j':
		case 'down': {
			return by(1);
		}

		case 'k':
		case 'up': {
			return by(-1);
		}

		case ' ':
		case 'f':
		case 'pagedown': {
			return by(page);
		}

		case 'b':
		case 'pageup': {
			return by(-page);
		}

		case 'd': {
			return by(half);
		}

		case 'u': {
			return by(-half);
		}

		case 'g':
		case 'home': {
			return scrollTo(0, lineCount, height);
		}

		case 'G':
		case 'end': {
			return scrollTo(lineCount, lineCount, height);
		}

		default: {
			return state;
		}
	}
}
