import {Writable} from 'node:stream';
import {render} from 'ink';
import {Component, type ReactNode} from 'react';
import {App} from '../ui/App.js';
import type {LibrarySource, LoadArticle} from '../ui/services.js';
import type {TerminalSize} from '../terminal/terminal-size.js';
import type {TextStyle} from '../ui/text-style.js';
import {type ChannelLike, TtyInput, TtyOutput} from './terminal-streams.js';
import {mouseOff, mouseOn} from '../terminal/mouse-reports.js';

export type SessionApp = {
	source: LibrarySource;
	loadArticle: LoadArticle;
	readingWidth: number | undefined;
	showDrafts: boolean;
	/** Called once the session is over (its queued renders are dropped). */
	release?: () => void;
	/** What this client's terminal takes: no colour under NO_COLOR, but still the attributes. */
	textStyle: TextStyle;
	/** Ask the client's terminal for wheel and click reports while the session runs (`--no-mouse` turns it off). */
	mouse: boolean;
	/** The outline pane opens by itself on a wide terminal (the `outline` setting). */
	outline: boolean;
	/** `q` in an article goes back to the list (`quit = "back"`). */
	quitGoesBack?: boolean;
};

export type SessionSettings = {
	size: TerminalSize;
	/** False for a client that takes no SGR at all (TERM=dumb): every SGR is stripped on the way out. */
	colour: boolean;
	maxBuffered: number;
	/** Told how long each frame took to lay out (the server shares its drawing time by it). */
	onFrame?: (ms: number) => void;
};

/** Why a session ended: the reader quit, or the server ended it (the text is shown to the reader). */
export type SessionEnd = {reason: 'quit'} | {reason: 'error'; error: unknown} | {reason: 'closed'} | {reason: 'ended'; why: string; message: string};

export type InkSession = {
	input: (data: string) => void;
	resize: (size: TerminalSize) => void;
	/** Ends the session from the server side; `message` is printed after leaving the alternate screen. */
	end: (end: SessionEnd) => void;
	/** Settles once, when the session has ended for any reason. */
	ended: Promise<SessionEnd>;
};

const enterScreen = '\u001B[?1049h';
// Mouse reports off whether or not they were asked for: a client's terminal must not be left sending them.
const leaveScreen = `${mouseOff}\u001B[?25h\u001B[?1049l`;

/** Ink writes error overviews to stderr; a server's internals are no business of the reader's. */
function discard(): Writable {
	return new Writable({
		write(_chunk, _encoding, callback) {
			callback();
		},
	});
}

const failed = 'Something went wrong showing this blog, so this session was closed. Please reconnect.';

/**
 * Catches a render error before Ink's own boundary would draw its overview (message, source excerpt,
 * stack) on the reader's screen: how the server is built is none of a stranger's business.
 */
class SessionBoundary extends Component<{onError: (error: unknown) => void; children: ReactNode}, {failed: boolean}> {
	override state = {failed: false};

	static getDerivedStateFromError(): {failed: boolean} {
		return {failed: true};
	}

	override componentDidCatch(error: unknown): void {
		this.props.onError(error);
	}

	override render(): ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}

/**
 * Runs one reader's own Ink instance of the App on an SSH channel, in the alternate screen. `onOverflow`
 * is called when the client stops reading; the caller ends the session.
 */
export function startInkSession(channel: ChannelLike, app: SessionApp, settings: SessionSettings): InkSession {
	let settle!: (end: SessionEnd) => void;
	const ended = new Promise<SessionEnd>(resolve => {
		settle = resolve;
	});
	let finished = false;
	const output = new TtyOutput(channel, {
		size: settings.size,
		colour: settings.colour,
		maxBuffered: settings.maxBuffered,
		onOverflow() {
			finish({reason: 'ended', why: 'slow client (output not read)', message: ''});
		},
	});
	const input = new TtyInput();
	output.send(enterScreen + (app.mouse ? mouseOn : ''));
	const instance = render(
		<SessionBoundary onError={error => {
			// Deferred: the first render can fail before `instance` is assigned, and React is still handling the error.
			setImmediate(() => {
				finish({reason: 'error', error});
			});
		}}
		>
			<App source={app.source} loadArticle={app.loadArticle} showDrafts={app.showDrafts} showFilePaths={false} textStyle={app.textStyle} outline={app.outline} quitGoesBack={app.quitGoesBack ?? false} {...(app.readingWidth === undefined ? {} : {readingWidth: app.readingWidth})}/>
		</SessionBoundary>,
		{stdout: output as unknown as NodeJS.WriteStream, stdin: input as unknown as NodeJS.ReadStream, stderr: discard() as unknown as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false, debug: false, onRender: metrics => settings.onFrame?.(metrics.renderTime)},
	);

	function finish(end: SessionEnd): void {
		if (finished) {
			return;
		}

		finished = true;
		try {
			instance.unmount();
		} catch {
			// Unmounting a tree that already failed can throw again; the session is over either way.
		}

		if (end.reason !== 'closed') {
			const message = end.reason === 'ended' ? end.message : (end.reason === 'error' ? failed : '');
			output.send(leaveScreen + (message === '' ? '' : `${message}\n`));
		}

		settle(end);
	}

	instance.waitUntilExit().then(() => {
		finish({reason: 'quit'});
	}, (error: unknown) => {
		finish({reason: 'error', error});
	});

	return {
		input(data) {
			if (finished) {
				return;
			}

			try {
				input.push(data);
			} catch (error) {
				finish({reason: 'error', error});
			}
		},
		resize(size) {
			if (!finished) {
				output.resize(size);
			}
		},
		end: finish,
		ended,
	};
}
