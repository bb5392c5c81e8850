import {Box, useApp} from 'ink';
import {useRef, useState, useSyncExternalStore} from 'react';
import type {KeyPress} from './keys.js';
import {ListScreen} from './list/ListScreen.js';
import {ReaderScreen} from './reader/ReaderScreen.js';
import type {Indexing, LibrarySource, LoadArticle, LocalActions, OpenRequest, PositionStore} from './services.js';
import {type TextStyle, TextStyleContext} from './text-style.js';
import {minimumSize, TooSmall} from './TooSmall.js';
import {useKeys} from './use-keys.js';
import {useLatest} from './use-latest.js';
import {useTerminalSize} from './use-terminal-size.js';

export type AppProps = {
	source: LibrarySource;
	loadArticle: LoadArticle;
	/** Widest the reading column gets; wider terminals centre it. */
	readingWidth?: number;
	/** List drafts (marked as such); hidden otherwise. */
	showDrafts?: boolean;
	/** Show where a problem file lives on disk; off for readers of a server. */
	showFilePaths?: boolean;
	/** Where each post was left, across runs; absent with `--no-state`. */
	positions?: PositionStore;
	/** Browser and editor: the local app only, never serve. */
	local?: LocalActions;
	/** Colour and attributes the terminal takes; by default what the global chalk level allows. */
	textStyle?: TextStyle;
	/** The outline pane opens by itself beside the article on wide terminals (the `outline` setting). Default true. */
	outline?: boolean;
	/** `q` in an article goes back to the list instead of quitting (`quit = "back"`). Default false. */
	quitGoesBack?: boolean;
};

const notIndexing = (): Indexing | undefined => undefined;

// A paste's worth: more than anyone types while one frame is drawn.
const maxHandedOver = 64;

export function App({source, loadArticle, readingWidth = 100, showDrafts = false, showFilePaths = true, positions, local, textStyle, outline = true, quitGoesBack = false}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const library = useSyncExternalStore(source.subscribe, source.current);
	const indexing = useSyncExternalStore(source.subscribe, source.indexing ?? notIndexing);
	const [request, setRequest] = useState<OpenRequest | undefined>();
	const tooSmall = columns < minimumSize.columns || rows < minimumSize.rows;
	// Ink 6 clears the whole screen when a frame is as tall as the terminal: stay one row short.
	const height = Math.max(0, rows - 1);

	// Always listening, so raw mode never lapses while one screen hands the keys to the other: in
	// that instant a Ctrl-C would be a signal that kills the app without restoring the terminal.
	const small = useLatest(tooSmall);
	// Keys typed after the list's Enter and before the reader listens (Ink attaches a new screen's
	// listener only after its first frame) are kept for the reader: `Enter q` over SSH lost the `q`.
	const handover = useRef<KeyPress[] | undefined>(undefined);
	useKeys(key => {
		if (small.current && (key.name === 'q' || (key.ctrl && key.name === 'c'))) {
			exit();
		} else if (handover.current && !key.at && handover.current.length < maxHandedOver) {
			handover.current.push(key);
		}
	});
	const open = (next: OpenRequest) => {
		handover.current = [];
		setRequest(next);
	};
	const takeTypedAhead = () => {
		const keys = handover.current ?? [];
		handover.current = undefined;
		return keys;
	};

	// Both screens stay mounted while the terminal is too small, so a resize back finds them as they were.
	return (
		<TextStyleContext.Provider value={textStyle}>
			<Box flexDirection="column" width={columns} height={height}>
				{tooSmall ? <TooSmall columns={columns}/> : null}
				<ListScreen library={library} indexing={indexing} showDrafts={showDrafts} watching={source.watching ?? false} showFilePaths={showFilePaths} active={!request && !tooSmall} columns={columns} height={height} onOpen={open} onQuit={exit} onReload={source.reload}/>
				{request
					? <ReaderScreen request={request} library={library} loadArticle={loadArticle} positions={positions} active={!tooSmall} columns={columns} height={height} readingWidth={readingWidth} showDrafts={showDrafts} autoOutline={outline} quitGoesBack={quitGoesBack} takeTypedAhead={takeTypedAhead} onBack={() => {
						setRequest(undefined);
					}} onQuit={exit} onReload={source.reload} local={local}/>
					: null}
			</Box>
		</TextStyleContext.Provider>
	);
}
