import {Box, useApp} from 'ink';
import {useEffect, useReducer} from 'react';
import type {Library} from '../content/post.js';
import {type AppState, appKey, initialAppState, type KeyContext} from './app-state.js';
import {ArticleView} from './ArticleView.js';
import type {KeyPress} from './keys.js';
import {clampCursor} from './list-cursor.js';
import {ListView} from './ListView.js';
import {minimumSize, TooSmall} from './TooSmall.js';
import {type LoadArticle, useArticle} from './use-article.js';
import {useKeys} from './use-keys.js';
import {useTerminalSize} from './use-terminal-size.js';

export type AppProps = {
	library: Library;
	loadArticle: LoadArticle;
	/** Widest the reading column gets; wider terminals centre it. */
	readingWidth?: number;
};

type Action = {key: KeyPress; context: KeyContext};

function reduce(state: AppState, {key, context}: Action): AppState {
	return appKey(state, key, context);
}

export function App({library, loadArticle, readingWidth = 100}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const [state, dispatch] = useReducer(reduce, initialAppState);
	// Ink 6 clears the whole screen when a frame is as tall as the terminal: stay one row short.
	const height = Math.max(0, rows - 1);
	const listHeight = Math.max(1, height - 2);
	const viewportHeight = Math.max(1, height - 4);
	const textWidth = Math.max(1, Math.min(readingWidth, columns - 4));
	const posts = library.posts;
	const open = state.open === undefined ? undefined : posts[state.open];
	const article = useArticle(open, textWidth, loadArticle);
	const tooSmall = columns < minimumSize.columns || rows < minimumSize.rows;

	useEffect(() => {
		if (state.quit) {
			exit();
		}
	}, [state.quit, exit]);

	useKeys(key => {
		if (tooSmall && !(key.name === 'q' || (key.ctrl && key.name === 'c'))) {
			return;
		}

		dispatch({key, context: {postCount: posts.length, listHeight, viewportHeight, lineCount: article?.lines.length ?? 0}});
	});

	if (tooSmall) {
		return <TooSmall columns={columns}/>;
	}

	return (
		<Box flexDirection="column" width={columns} height={height}>
			{open
				? <ArticleView title={open.title} article={article} top={state.pager.top} columns={columns} height={height} indent={Math.floor((columns - textWidth) / 2)}/>
				: <ListView label={library.label} posts={posts} cursor={clampCursor(state.cursor, posts.length, listHeight)} columns={columns} height={height}/>}
		</Box>
	);
}
