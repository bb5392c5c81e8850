import {Box, Text, useApp} from 'ink';
import {useMemo, useRef, useState, useSyncExternalStore} from 'react';
import {truncate} from './format.js';
import {ListScreen} from './list/ListScreen.js';
import {ReaderScreen} from './reader/ReaderScreen.js';
import type {Indexing, LibrarySource, LoadArticle, OpenRequest, PositionStore} from './services.js';
import {minimumSize, TooSmall} from './TooSmall.js';
import {useKeys} from './use-keys.js';
import {useTerminalSize} from './use-terminal-size.js';

export type AppProps = {
	source: LibrarySource;
	loadArticle: LoadArticle;
	/** Widest the reading column gets; wider terminals centre it. */
	readingWidth?: number;
	/** List drafts (marked as such); hidden otherwise. */
	showDrafts?: boolean;
	/** Where each post was left, across runs; absent with `--no-state`. */
	positions?: PositionStore;
};

const notIndexing = (): Indexing | undefined => undefined;

export function App({source, loadArticle, readingWidth = 100, showDrafts = false}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const library = useSyncExternalStore(source.subscribe, source.current);
	const indexing = useSyncExternalStore(source.subscribe, source.indexing ?? notIndexing);
	const [opened, setRequest] = useState<OpenRequest | undefined>();
	// After a reload the open article follows its file: the same path, the post as it is now; a
	// deleted file leaves its last version on screen.
	const shown = useRef<{opened: OpenRequest; request: OpenRequest} | undefined>(undefined);
	const {request, removed} = useMemo(() => {
		if (!opened) {
			return {request: undefined, removed: false};
		}

		const now = library.posts.find(post => post.absolutePath === opened.post.absolutePath);
		if (!now) {
			return {request: shown.current?.opened === opened ? shown.current.request : opened, removed: true};
		}

		return {request: now === opened.post ? opened : {...opened, post: now}, removed: false};
	}, [opened, library]);
	shown.current = opened && request ? {opened, request} : undefined;
	const tooSmall = columns < minimumSize.columns || rows < minimumSize.rows;
	// Ink 6 clears the whole screen when a frame is as tall as the terminal: stay one row short.
	const height = Math.max(0, rows - 1);

	useKeys(key => {
		if (key.name === 'q' || (key.ctrl && key.name === 'c')) {
			exit();
		}
	}, tooSmall);

	if (tooSmall) {
		return <TooSmall columns={columns}/>;
	}

	return (
		<Box flexDirection="column" width={columns} height={height}>
			<ListScreen library={library} indexing={indexing} showDrafts={showDrafts} watching={source.watching ?? false} active={!request} columns={columns} height={height} onOpen={setRequest} onQuit={exit}/>
			{request
				? <ReaderScreen request={request} loadArticle={loadArticle} columns={columns} height={removed ? height - 1 : height} readingWidth={readingWidth} onBack={() => {
					setRequest(undefined);
				}} onQuit={exit}/>
				: null}
			{request && removed
				? <Text color="yellow" wrap="truncate">{truncate(` ⚠ ${request.post.path} was deleted: this is its last version · esc back to the list`, columns)}</Text>
				: null}
		</Box>
	);
}
