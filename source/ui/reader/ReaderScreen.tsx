import {useStdout} from 'ink';
import {useEffect, useMemo} from 'react';
import type {Library} from '../../content/post.js';
import {postsOnShow} from '../list/list-entries.js';
import {fitSegments} from '../segments.js';
import type {LoadArticle, LocalActions, OpenRequest, PositionStore} from '../services.js';
import type {KeyPress} from '../keys.js';
import {useKeys} from '../use-keys.js';
import {useLatest} from '../use-latest.js';
import {useTextStyle} from '../text-style.js';
import {useReducerWithEffects} from '../use-reducer-with-effects.js';
import {ArticleView} from './ArticleView.js';
import {addressLines, osc52} from './link-actions.js';
import {helpLines, headerSegments, menuLines, showsTitleBar, statusSegments, titleBarRows} from './reader-lines.js';
import {readerHitAt} from './reader-hits.js';
import {outlineLines, outlineMinimumColumns, outlineOpen, outlinePaneWidth} from './outline-pane.js';
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
	/** Drafts may be read (`--drafts`); otherwise links to them lead nowhere. */
	showDrafts: boolean;
	onBack: () => void;
	onQuit: () => void;
	/** `r`: read the files again; absent when there is nothing on disk to re-read. */
	onReload?: (() => void) | undefined;
	/** Browser and editor; absent over serve. */
	local?: LocalActions | undefined;
	/** The outline pane opens by itself on a wide terminal (the `outline` setting). */
	autoOutline: boolean;
	/** `q` goes back instead of quitting (`quit = "back"`). */
	quitGoesBack?: boolean;
	/** Keys typed while the reader was opening, before it listened; taken once, when it starts to. */
	takeTypedAhead?: () => KeyPress[];
};


function initialState({request, positions}: Pick<Props, 'request' | 'positions'>): ReaderState {
	const line = request.line ?? positions?.get(request.post.slug);
	// Line 0 is the top of the post, header block included.
	return initialReaderState(request.post, line === undefined || line === 0 ? undefined : {source: line}, request.highlight);
}

export function ReaderScreen(props: Props) {
	const {library, loadArticle, positions, active, columns, height, readingWidth, showDrafts, onBack, onQuit} = props;
	const {stdout} = useStdout();
	const [state, dispatch] = useReducerWithEffects<ReaderState, {action: ReaderAction; context: ReaderContext}, ReaderEffect>(
		(current, {action, context}) => readerReducer(current, action, context),
		// Only the request that opened the reader sets where it starts; the reader moves on by itself.
		useMemo(() => initialState(props), []),
		effect => {
			if (effect.type === 'quit') {
				onQuit();
			} else if (effect.type === 'reload') {
				props.onReload?.();
			} else if (effect.type === 'open-url') {
				props.local?.openUrl(effect.url);
			} else if (effect.type === 'copy') {
				// OSC 52 goes to the terminal the app is drawn on: the reader's own, also over SSH.
				stdout.write(osc52(effect.text));
			} else if (effect.type === 'edit') {
				void props.local?.edit(effect.post, effect.bodyLine).then(() => props.onReload?.());
			} else {
				onBack();
			}
		},
	);
	// Links and live reload see only the posts the list shows: a link to a draft must not open it.
	const posts = postsOnShow(library, showDrafts);
	const {post, removed} = useLivePost(state.post, posts);
	const outlineFits = columns >= outlineMinimumColumns;
	const outlineAuto = outlineOpen(undefined, columns, props.autoOutline);
	// Sized from the post's own outline: the article's width depends on it, so it cannot wait for the article.
	const pane = outlineOpen(state.outline, columns, props.autoOutline) ? outlinePaneWidth(post.headings, columns) : 0;
	const textWidth = Math.max(1, Math.min(readingWidth, columns - 4 - pane));
	const article = useArticle(post, textWidth, loadArticle);
	const focused = article && state.link !== undefined ? article.links[state.link] : undefined;
	// The whole address of the highlighted link, wrapped, in place of the status bar when it is longer.
	const address = focused && state.mode === 'read' && !state.message ? addressLines(focused.target, columns) : undefined;
	const rowsUnderBar = Math.max(1, height - 4 - (removed ? 1 : 0) - Math.max(0, (address?.length ?? 1) - 1));
	// Keys scroll by the rows under the title bar, which is up whenever the header block is out of view
	// (so G and End show the last line); an article that fits whole without the bar does not scroll.
	const scrollRows = article && article.lines.length <= rowsUnderBar + titleBarRows ? rowsUnderBar + titleBarRows : rowsUnderBar;
	const context: ReaderContext = {article, articleFor: post.id, rows: scrollRows, posts, outlineFits, outlineAuto, canOpenLinks: props.local !== undefined, canEdit: props.local !== undefined && post.absolutePath !== undefined, quitGoesBack: props.quitGoesBack ?? false};
	const view = settle(state, context);
	// The title bar and its rule give their rows to the text while the header block says the same.
	const bar = showsTitleBar(view, article);
	const rows = bar ? rowsUnderBar : rowsUnderBar + titleBarRows;
	const latest = useLatest(context);
	const look = useTextStyle();

	const indent = Math.max(0, Math.floor((columns - pane - textWidth) / 2));
	const drawn = useLatest({view, article, layout: {bar, pane, indent, rows}});

	useKeys(key => {
		if (key.at) {
			const {view: shown, article: text, layout} = drawn.current;
			const hit = text ? readerHitAt(layout, shown, text, key.at) : undefined;
			if (hit) {
				dispatch({action: {type: 'click', hit}, context: latest.current});
			}
		} else {
			dispatch({action: {type: 'key', key}, context: latest.current});
		}
	}, active);
	// In the same effect flush as the listener above is attached, so no key falls in between.
	useEffect(() => {
		for (const key of props.takeTypedAhead?.() ?? []) {
			dispatch({action: {type: 'key', key}, context: latest.current});
		}
	}, []);
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
			header={bar ? headerSegments(post, columns) : undefined}
			body={body}
			pane={pane > 0 && article ? {lines: outlineLines(article, view.top, pane - 1, rows), width: pane} : undefined}
			status={address?.[0] ?? statusSegments(view, article, view.top, rows, columns)}
			more={address?.slice(1)}
			notice={removed ? fitSegments([{text: ` ⚠ ${post.path} was deleted: this is its last version · esc back to the list`, color: 'warning'}], columns) : undefined}
			columns={columns}
			rows={rows}
		/>
	);
}
