import {Box, useApp} from 'ink';
import {useState, useSyncExternalStore} from 'react';
import {ListScreen} from './list/ListScreen.js';
import {ReaderScreen} from './reader/ReaderScreen.js';
import type {LibrarySource, LoadArticle, OpenRequest} from './services.js';
import {minimumSize, TooSmall} from './TooSmall.js';
import {useKeys} from './use-keys.js';
import {useTerminalSize} from './use-terminal-size.js';

export type AppProps = {
	source: LibrarySource;
	loadArticle: LoadArticle;
	/** Widest the reading column gets; wider terminals centre it. */
	readingWidth?: number;
};

export function App({source, loadArticle, readingWidth = 100}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const library = useSyncExternalStore(source.subscribe, source.current);
	const [request, setRequest] = useState<OpenRequest | undefined>();
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
			<ListScreen library={library} active={!request} columns={columns} height={height} onOpen={setRequest} onQuit={exit}/>
			{request
				? <ReaderScreen request={request} loadArticle={loadArticle} columns={columns} height={height} readingWidth={readingWidth} onBack={() => {
					setRequest(undefined);
				}} onQuit={exit}/>
				: null}
		</Box>
	);
}
