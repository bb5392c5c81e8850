import type {KeyPress} from '../keys.js';
import {clampCursor, type ListCursor, moveCursor} from './list-cursor.js';

export type ListState = {cursor: ListCursor};

export type ListEffect = {type: 'open'; index: number} | {type: 'quit'};

export const initialListState: ListState = {cursor: {selected: 0, top: 0}};

/** Applies one key to the list; an effect asks the screen to do something outside the list. */
export function listKey(state: ListState, key: KeyPress, postCount: number, height: number): {state: ListState; effect?: ListEffect} {
	if (key.name === 'q' || (key.ctrl && key.name === 'c')) {
		return {state, effect: {type: 'quit'}};
	}

	const cursor = clampCursor(state.cursor, postCount, height);
	switch (key.name) {
		case 'j':
		case 'down': {
			return {state: {cursor: moveCursor(cursor, 1, postCount, height)}};
		}

		case 'k':
		case 'up': {
			return {state: {cursor: moveCursor(cursor, -1, postCount, height)}};
		}

		case 'return': {
			return postCount === 0 ? {state} : {state: {cursor}, effect: {type: 'open', index: cursor.selected}};
		}

		default: {
			return {state};
		}
	}
}
