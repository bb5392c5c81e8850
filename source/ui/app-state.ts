import type {KeyPress} from './keys.js';
import {clampCursor, type ListCursor, moveCursor} from './list-cursor.js';
import {pagerKey, type PagerState} from './pager-state.js';

export type AppState = {
	cursor: ListCursor;
	/** Index into the post list of the open article, if one is open. */
	open: number | undefined;
	pager: PagerState;
	quit: boolean;
};

/** What the reducer needs to know about the screen at the time of a key. */
export type KeyContext = {
	postCount: number;
	listHeight: number;
	viewportHeight: number;
	/** Lines of the open article, 0 while it renders. */
	lineCount: number;
};

export const initialAppState: AppState = {cursor: {selected: 0, top: 0}, open: undefined, pager: {top: 0}, quit: false};

export function appKey(state: AppState, key: KeyPress, context: KeyContext): AppState {
	if (key.name === 'q' || (key.ctrl && key.name === 'c')) {
		return {...state, quit: true};
	}

	if (state.open !== undefined) {
		if (key.name === 'escape' || key.name === 'backspace' || key.name === 'h') {
			return {...state, open: undefined};
		}

		const pager = pagerKey(state.pager, key, context.lineCount, context.viewportHeight);
		return pager === state.pager ? state : {...state, pager};
	}

	const cursor = clampCursor(state.cursor, context.postCount, context.listHeight);
	switch (key.name) {
		case 'j':
		case 'down': {
			return {...state, cursor: moveCursor(cursor, 1, context.postCount, context.listHeight)};
		}

		case 'k':
		case 'up': {
			return {...state, cursor: moveCursor(cursor, -1, context.postCount, context.listHeight)};
		}

		case 'return': {
			return context.postCount === 0 ? state : {...state, cursor, open: cursor.selected, pager: {top: 0}};
		}

		default: {
			return state;
		}
	}
}
