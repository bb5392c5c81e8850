import type {ListMode} from './list-state.js';
import {fitSegments, type Segment} from '../segments.js';
import {inputSegments} from './input-line.js';

const hints: Record<Exclude<ListMode, 'filter'> | 'indexing', [wide: string, narrow: string]> = {
	browse: ['↑↓ move · enter read · / filter · # tags · F search text · s sort · ? help · q quit', 'enter read · / filter · # tags · F search · ? help · q quit'],
	tags: ['type to narrow · ↑↓ move · enter filter by tag · esc close', 'enter pick · esc close'],
	search: ['type to search · ↑↓ move · enter open at the line · esc back', 'enter open · esc back'],
	problem: ['esc back · q quit', 'esc back'],
	help: ['↑↓ space scroll · esc close · q quit', 'esc close'],
	indexing: ['q quit', 'q quit'],
};

/** The bottom line: key hints (or a message in their place), or the filter being typed with its match count. */
export function footerSegments(mode: ListMode | 'indexing', query: string, matches: number, width: number, message?: string): Segment[] {
	if (mode === 'filter') {
		return inputSegments('/', query, width, `${matches.toLocaleString('en-US')} ${matches === 1 ? 'match' : 'matches'}`, 'enter keeps · esc clears');
	}

	if (message !== undefined) {
		return fitSegments([{text: ` ${message}`}], width);
	}

	const [wide, narrow] = hints[mode];
	return fitSegments([{text: ` ${width >= 90 ? wide : narrow}`, dim: true}], width);
}
