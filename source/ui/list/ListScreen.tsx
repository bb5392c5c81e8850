import {useEffect, useMemo, useRef} from 'react';
import type {Library} from '../../content/post.js';
import {clampCursor} from './list-cursor.js';
import type {Indexing, OpenRequest} from '../services.js';
import type {KeyPress} from '../keys.js';
import {useKeys} from '../use-keys.js';
import {useLatest} from '../use-latest.js';
import {useReducerWithEffects} from '../use-reducer-with-effects.js';
import {emptyLines, helpLines, indexingLines, type Line, listLines, previewMinimumWidth, problemLines, searchLines, tagBrowserLines, withPreview} from './body-lines.js';
import {footerSegments} from './footer-segments.js';
import {headerSegments} from './header-segments.js';
import {listEntryAt} from './list-hits.js';
import {browsedTags, initialListState, inputScreenHeight, type ListAction, type ListContext, type ListEffect, listReducer, type ListState, resolveView} from './list-state.js';
import {ListView} from './ListView.js';
import {searchResults} from './search-results.js';
import {useAfterPause} from './use-after-pause.js';
import {useWarmUp} from './use-warm-up.js';

type Props = {
	library: Library;
	/** Set while the library is first read: the list shows progress instead of a blank screen. */
	indexing?: Indexing | undefined;
	showDrafts: boolean;
	/** Whether the folder is watched, so empty states can say a saved file will appear. */
	watching: boolean;
	/** Whether a problem shows its file's absolute path (not to readers over SSH: it is the server's). */
	showFilePaths: boolean;
	/** Hidden screens keep their state but draw nothing and ignore keys. */
	active: boolean;
	columns: number;
	height: number;
	onOpen: (request: OpenRequest) => void;
	onQuit: () => void;
	/** `r`: read the folder and fetch the web sources again; absent when there is nothing to re-read. */
	onReload?: (() => void) | undefined;
};

// Searching 10,000 bodies on every typed letter would lag the typing: search once the typing pauses.
const searchDelayMs = 150;
// Keys kept while the posts load: a sentence typed ahead, not a paste.
const maxTypedAhead = 64;
// A big library's fuzzy filter runs once typing pauses this long (small ones filter on every key).
const filterDelayMs = 60;

function bodyFor(state: ListState, context: ListContext, props: Props): Line[] {
	const {library, columns, watching} = props;
	if (props.indexing) {
		return indexingLines(library.label, props.indexing, columns);
	}

	const rows = inputScreenHeight(context.height);
	switch (state.mode) {
		case 'tags': {
			const tags = browsedTags(state, context);
			return tagBrowserLines(tags, clampCursor(state.tagBrowser.cursor, tags.length, rows), state.tagBrowser.query, state.tags, columns, context.height);
		}

		case 'help': {
			return helpLines(columns, context.height, state.helpTop);
		}

		case 'search': {
			const result = searchResults(library, state.search.applied, state.sort, context.showDrafts);
			return searchLines(result, clampCursor(state.search.cursor, result.hits.length, rows), state.search.term, state.search.applied, columns, context.height);
		}

		default: {
			break;
		}
	}

	const view = resolveView(state, context);
	const entry = view.entries.entries[view.selected];
	if (state.mode === 'problem' && entry?.kind === 'problem') {
		return problemLines(entry.problem, watching, columns, props.showFilePaths);
	}

	if (view.entries.entries.length === 0) {
		return emptyLines(library, view.entries, {query: state.appliedQuery, tags: state.tags}, watching, columns);
	}

	const body = {...view, tags: state.tags};
	return columns >= previewMinimumWidth ? withPreview(body, columns, context.height) : listLines(body, columns, context.height);
}

export function ListScreen(props: Props) {
	const {library, showDrafts, active, columns, height, onOpen, onQuit} = props;
	const context = useMemo<ListContext>(() => ({library, showDrafts, height: Math.max(1, height - 3)}), [library, showDrafts, height]);
	const [state, dispatch] = useReducerWithEffects<ListState, {action: ListAction; context: ListContext}, ListEffect>(
		(current, {action, context: at}) => listReducer(current, action, at),
		initialListState,
		effect => {
			if (effect.type === 'quit') {
				onQuit();
			} else if (effect.type === 'reload') {
				props.onReload?.();
			} else {
				onOpen(effect.request);
			}
		},
	);
	const latest = useLatest({context, indexing: props.indexing, state, columns});
	const typedAhead = useRef<KeyPress[]>([]);
	useKeys(key => {
		if (key.at) {
			const {context: at, state: now, columns: width} = latest.current;
			const index = latest.current.indexing || (now.mode !== 'browse' && now.mode !== 'filter') ? undefined : listEntryAt(resolveView(now, at), at.height, width, key.at);
			if (index !== undefined) {
				dispatch({action: {type: 'click', index}, context: at});
			}
		} else if (!latest.current.indexing || (key.ctrl && key.name === 'c') || key.name === 'q') {
			dispatch({action: {type: 'key', key}, context: latest.current.context});
		} else if (typedAhead.current.length < maxTypedAhead) {
			typedAhead.current.push(key);
		}
	}, active);
	// Keys typed while the posts were still loading (`/` and a word, `G`, Enter) act once they are there.
	useEffect(() => {
		if (!props.indexing && typedAhead.current.length > 0) {
			for (const key of typedAhead.current.splice(0)) {
				dispatch({action: {type: 'key', key}, context: latest.current.context});
			}
		}
	}, [props.indexing]);
	const {term, applied} = state.search;
	useAfterPause(term === applied ? undefined : term, () => {
		dispatch({action: {type: 'apply-search'}, context});
	}, searchDelayMs);
	useAfterPause(state.query === state.appliedQuery ? undefined : state.query, () => {
		dispatch({action: {type: 'apply-filter'}, context});
	}, filterDelayMs);
	useWarmUp(library, showDrafts, !props.indexing);
	if (!active) {
		return null;
	}

	const entries = props.indexing ? undefined : resolveView(state, context).entries;
	return (
		<ListView
			header={headerSegments({library, entries, sort: state.sort, query: state.appliedQuery, tags: state.tags, showDrafts}, columns)}
			body={bodyFor(state, context, props)}
			footer={footerSegments(props.indexing ? 'indexing' : state.mode, state.query, entries?.shownPosts ?? 0, columns, state.message)}
			columns={columns}
			height={height}
		/>
	);
}
