import type {Library} from '../../content/post.js';
import {type KeyPress, unknownKeyMessage} from '../keys.js';
import type {OpenRequest} from '../services.js';
import {clampCursor, type ListCursor, moveCursor} from './list-cursor.js';
import {type ListEntries, type ListEntry, listEntries, tagCounts, type TagCount} from './list-entries.js';
import {fitTop, type LayoutRow} from './list-layout.js';
import {searchResults} from './search-results.js';
import {nextSort, type SortOrder} from './sort-posts.js';
import {editQuery} from '../text-input.js';
import {listHelpLength} from './list-keys.js';

/** `browse` moves over rows; `filter`, `tags` and `search` take typed text; `problem` shows why a file failed; `help` lists the keys. */
export type ListMode = 'browse' | 'filter' | 'tags' | 'search' | 'problem' | 'help';

export type ListState = {
	mode: ListMode;
	sort: SortOrder;
	/** The filter as typed, and as applied to the rows: in a big library it trails the typing a little. */
	query: string;
	appliedQuery: string;
	tags: string[];
	/** The selected row by identity (a post's absolute path), and where it was, for when it goes away. */
	selected: {key: string | undefined; index: number};
	/** The first row in view. */
	top: number;
	tagBrowser: {query: string; cursor: ListCursor};
	/** `applied` is the term the hits are for; it trails `term` while the reader types. */
	search: {term: string; applied: string; cursor: ListCursor};
	/** The first line of the key help in view: on a short terminal it scrolls. */
	helpTop: number;
	/** Said in the footer until the next key: what a key that does nothing here would have done. */
	message: string | undefined;
};

/** What the reducer reads but does not own. */
export type ListContext = {library: Library; showDrafts: boolean; /** Lines for rows in the list body. */ height: number};

/** `click`: the mouse on a row (see `listEntryAt`). */
export type ListAction = {type: 'key'; key: KeyPress} | {type: 'apply-search'} | {type: 'apply-filter'} | {type: 'click'; index: number};

// Up to this many posts a fuzzy pass costs a few milliseconds, so the rows follow every keystroke;
// past it the pass runs once typing pauses, so keys never wait for it.
const instantFilterPosts = 2000;

export type ListEffect = {type: 'open'; request: OpenRequest} | {type: 'quit'} | {type: 'reload'};

type Step = {state: ListState; effect?: ListEffect};

export const initialListState: ListState = {
	mode: 'browse',
	sort: 'newest',
	query: '',
	appliedQuery: '',
	tags: [],
	selected: {key: undefined, index: 0},
	top: 0,
	tagBrowser: {query: '', cursor: {selected: 0, top: 0}},
	search: {term: '', applied: '', cursor: {selected: 0, top: 0}},
	helpTop: 0,
	message: undefined,
};

function entriesFor(state: ListState, context: ListContext): ListEntries {
	return listEntries(context.library, {sort: state.sort, query: state.appliedQuery, tags: state.tags, showDrafts: context.showDrafts});
}

/** The selected row's index: the same post if it is still listed, else the row now where it was. */
function selectedIndex(state: ListState, entries: ListEntries): number {
	const byKey = state.selected.key === undefined ? undefined : entries.indexOf.get(state.selected.key);
	return byKey ?? Math.min(Math.max(0, state.selected.index), Math.max(0, entries.entries.length - 1));
}


function hasDetail(entry: ListEntry): boolean {
	return entry.kind === 'post' && (entry.post.description !== '' || entry.problem !== undefined);
}

const layoutCache = new WeakMap<ListEntries, LayoutRow[]>();

/** What layout needs of each row, computed once per set of rows. */
export function layoutRows(entries: ListEntries): LayoutRow[] {
	let rows = layoutCache.get(entries);
	if (!rows) {
		rows = entries.entries.map(entry => ({group: entry.group, hasDetail: hasDetail(entry)}));
		layoutCache.set(entries, rows);
	}

	return rows;
}

/** The selection and first visible row, made to fit the current rows and height. */
export function resolveView(state: ListState, context: ListContext): {entries: ListEntries; selected: number; top: number} {
	const entries = entriesFor(state, context);
	const selected = selectedIndex(state, entries);
	return {entries, selected, top: fitTop(layoutRows(entries), selected, state.top, context.height)};
}

function select(state: ListState, entries: ListEntries, index: number, top: number, height: number): ListState {
	const count = entries.entries.length;
	const clamped = Math.min(Math.max(0, index), Math.max(0, count - 1));
	const key = entries.entries[clamped]?.key;
	const fitted = fitTop(layoutRows(entries), clamped, top, height);
	if (key === state.selected.key && clamped === state.selected.index && fitted === state.top) {
		return state;
	}

	return {...state, selected: {key, index: clamped}, top: fitted};
}

/** After the rows change (filter, tags, sort): keep the same post, else start from the first row. */
function reselect(state: ListState, context: ListContext): ListState {
	const entries = entriesFor(state, context);
	const kept = state.selected.key === undefined ? undefined : entries.indexOf.get(state.selected.key);
	return select(state, entries, kept ?? 0, kept === undefined ? 0 : state.top, context.height);
}

function pageSize(height: number): number {
	return Math.max(1, height - 2);
}

function movement(key: KeyPress, height: number, letters: boolean): number | 'first' | 'last' | undefined {
	switch (key.name) {
		case 'down': {
			return 1;
		}

		case 'up': {
			return -1;
		}

		case 'pagedown': {
			return pageSize(height);
		}

		case 'pageup': {
			return -pageSize(height);
		}

		case 'home': {
			return 'first';
		}

		case 'end': {
			return 'last';
		}

		default: {
			break;
		}
	}

	if (!letters) {
		return undefined;
	}

	if (key.ctrl) {
		return key.name === 'd' ? Math.ceil(height / 2) : (key.name === 'u' ? -Math.ceil(height / 2) : undefined);
	}

	const byLetter: Record<string, number | 'first' | 'last'> = {
		j: 1,
		k: -1,
		' ': pageSize(height),
		f: pageSize(height),
		b: -pageSize(height),
		d: Math.ceil(height / 2),
		u: -Math.ceil(height / 2),
		g: 'first',
		G: 'last',
	};
	return byLetter[key.name];
}

function move(state: ListState, context: ListContext, by: number | 'first' | 'last'): ListState {
	const {entries, selected, top} = resolveView(state, context);
	const target = by === 'first' ? 0 : (by === 'last' ? entries.entries.length - 1 : selected + by);
	return select(state, entries, target, top, context.height);
}

function openSelected(state: ListState, context: ListContext): Step {
	const {entries, selected} = resolveView(state, context);
	const entry = entries.entries[selected];
	if (!entry) {
		return {state};
	}

	if (entry.kind === 'problem') {
		return {state: {...state, mode: 'problem'}};
	}

	return {state, effect: {type: 'open', request: {post: entry.post}}};
}

/**
 * A click on a row selects it; a click on the selected row opens it, as Enter does. So a double
 * click opens any row, and no click opens a post the reader has not seen selected first.
 */
function clickRow(state: ListState, context: ListContext, index: number): Step {
	if (state.mode !== 'browse' && state.mode !== 'filter') {
		return {state};
	}

	const {entries, selected, top} = resolveView(state, context);
	return index === selected ? openSelected(state, context) : {state: select(state, entries, index, top, context.height)};
}

function browseKey(state: ListState, key: KeyPress, context: ListContext): Step {
	const by = movement(key, context.height, true);
	if (by !== undefined) {
		return {state: move(state, context, by)};
	}

	if (key.name === 'q' && !key.ctrl) {
		return {state, effect: {type: 'quit'}};
	}

	if (key.ctrl && key.name === 'f') {
		return {state: {...state, mode: 'search'}};
	}

	switch (key.name) {
		case 'return': {
			return openSelected(state, context);
		}

		case '/': {
			return {state: {...state, mode: 'filter'}};
		}

		case '?': {
			return {state: {...state, mode: 'help', helpTop: 0}};
		}

		case '#': {
			return {state: {...state, mode: 'tags', tagBrowser: {query: '', cursor: {selected: 0, top: 0}}}};
		}

		case 'F': {
			return {state: {...state, mode: 'search'}};
		}

		case 's': {
			return {state: reselect({...state, sort: nextSort(state.sort)}, context)};
		}

		case 'r': {
			return {state, effect: {type: 'reload'}};
		}

		case 'escape': {
			if (state.query !== '') {
				return {state: reselect({...state, query: '', appliedQuery: ''}, context)};
			}

			return state.tags.length > 0 ? {state: reselect({...state, tags: state.tags.slice(0, -1)}, context)} : {state};
		}

		case 'backspace': {
			if (state.tags.length > 0) {
				return {state: reselect({...state, tags: state.tags.slice(0, -1)}, context)};
			}

			return state.query === '' ? {state} : {state: reselect({...state, query: '', appliedQuery: ''}, context)};
		}

		default: {
			return {state: {...state, message: unknownKeyMessage(key)}};
		}
	}
}

function applyFilter(state: ListState, context: ListContext): ListState {
	return state.appliedQuery === state.query ? state : reselect({...state, appliedQuery: state.query}, context);
}

function filterKey(state: ListState, key: KeyPress, context: ListContext): Step {
	if (key.name === 'return') {
		return {state: applyFilter({...state, mode: 'browse'}, context)};
	}

	if (key.name === 'escape') {
		return {state: reselect({...state, mode: 'browse', query: '', appliedQuery: ''}, context)};
	}

	const by = movement(key, context.height, false);
	if (by !== undefined) {
		return {state: move(state, context, by)};
	}

	const query = editQuery(state.query, key);
	if (query === undefined || query === state.query) {
		return {state};
	}

	return {state: context.library.posts.length <= instantFilterPosts ? applyFilter({...state, query}, context) : {...state, query}};
}

/** The tags the browser lists: narrowed by what was typed, most used first. */
export function browsedTags(state: ListState, context: ListContext): TagCount[] {
	const all = tagCounts(context.library, state.tags, context.showDrafts);
	const query = state.tagBrowser.query.trim().toLowerCase();
	return query === '' ? all : all.filter(({tag}) => tag.toLowerCase().includes(query));
}

function moveListCursor(cursor: ListCursor, by: number | 'first' | 'last', count: number, height: number): ListCursor {
	if (by === 'first') {
		return clampCursor({selected: 0, top: 0}, count, height);
	}

	if (by === 'last') {
		return clampCursor({...cursor, selected: count - 1}, count, height);
	}

	return moveCursor(cursor, by, count, height);
}

function tagsKey(state: ListState, key: KeyPress, context: ListContext): Step {
	const height = inputScreenHeight(context.height);
	if (key.name === 'escape') {
		return {state: {...state, mode: 'browse'}};
	}

	if (key.name === 'return') {
		const tags = browsedTags(state, context);
		const picked = tags[clampCursor(state.tagBrowser.cursor, tags.length, height).selected];
		return picked ? {state: reselect({...state, mode: 'browse', tags: [...state.tags, picked.tag]}, context)} : {state};
	}

	if (key.name === 'backspace' && state.tagBrowser.query === '') {
		return state.tags.length > 0 ? {state: {...state, tags: state.tags.slice(0, -1)}} : {state};
	}

	// Typing first: a pasted page is thousands of keys, and none of them needs the tags counted.
	const query = editQuery(state.tagBrowser.query, key);
	if (query !== undefined) {
		return query === state.tagBrowser.query ? {state} : {state: {...state, tagBrowser: {query, cursor: {selected: 0, top: 0}}}};
	}

	const by = movement(key, height, false);
	if (by === undefined) {
		return {state};
	}

	const count = browsedTags(state, context).length;
	return {state: {...state, tagBrowser: {...state.tagBrowser, cursor: moveListCursor(state.tagBrowser.cursor, by, count, height)}}};
}

function searchKey(state: ListState, key: KeyPress, context: ListContext): Step {
	const height = inputScreenHeight(context.height);
	if (key.name === 'escape') {
		return {state: {...state, mode: 'browse'}};
	}

	if (key.name === 'return') {
		// Enter right after typing searches now rather than acting on hits for an older term.
		const search = state.search.applied === state.search.term ? state.search : {...state.search, applied: state.search.term, cursor: {selected: 0, top: 0}};
		const {hits} = searchResults(context.library, search.applied, state.sort, context.showDrafts);
		const hit = hits[clampCursor(search.cursor, hits.length, height).selected];
		const next = search === state.search ? state : {...state, search};
		return hit ? {state: next, effect: {type: 'open', request: {post: hit.post, line: hit.line, highlight: hit.text.slice(hit.start, hit.end)}}} : {state: next};
	}

	const by = movement(key, height, false);
	if (by !== undefined) {
		const {hits} = searchResults(context.library, state.search.applied, state.sort, context.showDrafts);
		return {state: {...state, search: {...state.search, cursor: moveListCursor(state.search.cursor, by, hits.length, height)}}};
	}

	const term = editQuery(state.search.term, key);
	return term === undefined || term === state.search.term ? {state} : {state: {...state, search: {...state.search, term}}};
}

/** Lines for the tag browser's and the search screen's rows: the body less their input line. */
export function inputScreenHeight(height: number): number {
	return Math.max(1, height - 1);
}

/** Applies one key (or a finished search delay) to the list; an effect asks the App to open or quit. */
export function listReducer(state: ListState, action: ListAction, context: ListContext): Step {
	if (action.type === 'apply-filter') {
		return {state: applyFilter(state, context)};
	}

	if (action.type === 'apply-search') {
		return state.search.applied === state.search.term
			? {state}
			: {state: {...state, search: {...state.search, applied: state.search.term, cursor: {selected: 0, top: 0}}}};
	}

	if (action.type === 'click') {
		return clickRow(state, context, action.index);
	}

	const {key} = action;
	if (key.ctrl && key.name === 'c') {
		return {state, effect: {type: 'quit'}};
	}

	return modeKey(state.message === undefined ? state : {...state, message: undefined}, key, context);
}

function modeKey(state: ListState, key: KeyPress, context: ListContext): Step {
	switch (state.mode) {
		case 'filter': {
			return filterKey(state, key, context);
		}

		case 'tags': {
			return tagsKey(state, key, context);
		}

		case 'search': {
			return searchKey(state, key, context);
		}

		case 'help': {
			const by = {down: 1, j: 1, up: -1, k: -1, pagedown: context.height - 1, ' ': context.height - 1, pageup: 1 - context.height, b: 1 - context.height}[key.name];
			if (by !== undefined) {
				return {state: {...state, helpTop: Math.max(0, Math.min(state.helpTop + by, listHelpLength - context.height))}};
			}

			if (key.name === 'q') {
				return {state, effect: {type: 'quit'}};
			}

			return ['escape', 'backspace', 'return', 'h', '?'].includes(key.name) ? {state: {...state, mode: 'browse'}} : {state};
		}

		case 'problem': {
			if (key.name === 'q') {
				return {state, effect: {type: 'quit'}};
			}

			return ['escape', 'backspace', 'return', 'h', '?'].includes(key.name) ? {state: {...state, mode: 'browse'}} : {state};
		}

		default: {
			return browseKey(state, key, context);
		}
	}
}
