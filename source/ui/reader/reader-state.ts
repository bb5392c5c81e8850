import type {KeyPress} from '../keys.js';
import {pagerKey, type PagerState} from './pager-state.js';

export type ReaderState = {pager: PagerState};

export type ReaderEffect = {type: 'back'} | {type: 'quit'};

export function initialReaderState(line = 0): ReaderState {
	return {pager: {top: line}};
}

/** Applies one key to the reading view. */
export function readerKey(state: ReaderState, key: KeyPress, lineCount: number, height: number): {state: ReaderState; effect?: ReaderEffect} {
	if (key.name === 'q' || (key.ctrl && key.name === 'c')) {
		return {state, effect: {type: 'quit'}};
	}

	if (key.name === 'escape' || key.name === 'backspace' || key.name === 'h') {
		return {state, effect: {type: 'back'}};
	}

	const pager = pagerKey(state.pager, key, lineCount, height);
	return {state: pager === state.pager ? state : {...state, pager}};
}
