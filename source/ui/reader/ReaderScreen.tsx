import {useEffect, useMemo} from 'react';
import type {Library} from '../../content/post.js';
import {fitSegments} from '../segments.js';
import type {LoadArticle, OpenRequest, PositionStore} from '../services.js';
import {useKeys} from '../use-keys.js';
import {useLatest} from '../use-latest.js';
import {useTextStyle} from '../text-style.js';
import {useReducerWithEffects} from '../use-reducer-with-effects.js';
import {ArticleView} from './ArticleView.js';
import {helpLines, headerSegments, menuLines, outlineLines, statusSegments} from './reader-lines.js';
import {initialReaderState, type ReaderAction, type ReaderContext, type ReaderEffect, readerReducer, type ReaderState, settle} from './reader-state.js';
import {useArticle} from './use-article.js';
import {useLivePost} from './use-live-post.js';
import {visibleLines} from './visible-lines.js';

type Props = {
	request: OpenRequest;
	library: Library;
	loadArticle: LoadArticle;
	positions?: PositionStore | undefined;
	/** Hidden (a terminal too small to draw in): keeps its state, draws nothing, ignores keys. */
	active: boolean;
	columns: number;
	height: number;
	readingWidth: number;
	onBack: () => void;
	onQuit: () => void;
};

// The outline pane opens beside the article from this width on.
export const outlineMinimumColumns = 120;
const paneWidth = 32;

function initialState({request, positions}: Pick<Props, 'request' | 'positions'>): ReaderState {
	const line = request.line ?? positions?.get(request.post.slug);
	return initialReaderState(request.post, line === undefined ? undefined : {source: line}, request.highlight);
}

export function ReaderScreen(props: Props) {
	const {library, loadArticle, positions, active, columns, height, readingWidth, onBack, onQuit} = props;
	const [state, dispatch] = useReducerWithEffects<ReaderState, {action: ReaderAction; context: ReaderContext}, ReaderEffect>(
		(current, {action, context}) => readerReducer(current, action, context),
		// Only the request that opened the reader sets where it starts; the reader moves on by itself.
		useMemo(() => initialState(props), []),
		effect => {
			if (effect.type === 'quit') {
				onQuit();
			} else {
				onBack();
			}
		},
	);
	const {post, removed} = useLivePost(state.post, library);
	const outlineFits = columns >= outlineMinimumColumns;
	const pane = state.outline && outlineFits ? paneWidth : 0;
	const textWidth = Math.max(1, Math.min(readingWidth, columns - 4 - pane));
	const rows = Math.max(1, height - 4 - (removed ? 1 : 0));
	const article = useArticle(post, textWidth, loadArticle);
	const context: ReaderContext = {article, articleFor: post.absolutePath, rows, posts: library.posts, outlineFits};
	const view = settle(state, context);
	const latest = useLatest(context);
	const look = useTextStyle();

	useKeys(key => {
		dispatch({action: {type: 'key', key}, context: latest.current});
	}, active);
	// The arrival of an article is the event: settle where the reader is on it, once.
	useEffect(() => {
		if (article) {
			dispatch({action: {type: 'arrived'}, context});
		}
	}, [article]);
	useEffect(() => {
		if (state.at) {
			positions?.set(state.post.slug, Math.round(state.place.source));
		}
	}, [positions, state.post, state.place, state.at]);

	if (!active) {
		return null;
	}

	const indent = Math.max(0, Math.floor((columns - pane - textWidth) / 2));
	const body = (() => {
		if (!article) {
			return {kind: 'panel' as const, lines: [fitSegments([{text: 'Rendering…', dim: true}], textWidth)], indent};
		}

		if (view.mode === 'menu') {
			return {kind: 'panel' as const, lines: menuLines(view, article, columns - pane - 2, rows), indent: 1};
		}

		if (view.mode === 'help') {
			return {kind: 'panel' as const, lines: helpLines(columns - pane - 2), indent: 1};
		}

		return {kind: 'article' as const, lines: visibleLines(article, view, view.top, rows, look), indent};
	})();
	return (
		<ArticleView
			header={headerSegments(post, columns)}
			body={body}
			pane={pane > 0 && article ? {lines: outlineLines(article, view.top, pane - 1, rows), width: pane} : undefined}
			status={statusSegments(view, article, view.top, rows, columns)}
			notice={removed ? fitSegments([{text: ` ⚠ ${post.path} was deleted: this is its last version · esc back to the list`, color: 'yellow'}], columns) : undefined}
			columns={columns}
			rows={rows}
		/>
	);
}
