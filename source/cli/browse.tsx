import path from 'node:path';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink';
import type {LoadOptions} from '../content/load-library.js';
import type {Library} from '../content/post.js';
import {watchLibrary} from '../content/watch-library.js';
import {createArticleLoader} from '../worker/article-loader.js';
import type {Theme} from '../render/article.js';
import {App} from '../ui/App.js';
import {textStyleFor} from '../ui/text-style.js';
import {type LibrarySource, staticLibrary} from '../ui/services.js';
import {openSources, type SourceSpec} from '../sources/library-sources.js';
import {remoteOptions} from './choose-sources.js';
import {localActions, mouseOn, suspendSequence} from './local-actions.js';
import {createPositionStore, positionsFile} from './reading-positions.js';
import {exitWhenTerminalGoes} from './terminal-lifetime.js';

export type BrowseOptions = {
	colorLevel: 0 | 1 | 2 | 3;
	hyperlinks: boolean;
	/** Bold, underline and inverse may be used (NO_COLOR and `--no-color` keep them). Default true. */
	attributes?: boolean;
	/** Follow changes on disk (`--no-watch` turns it off); only for a folder given as `{root, label}`. */
	watch?: boolean;
	/** List drafts, marked (`--drafts`). */
	showDrafts?: boolean;
	/** Colours of every screen; `--theme auto` is resolved by the caller. Default dark. */
	theme?: Theme;
	/** `--width`: article text at most this many columns, centred when the terminal is wider; default the renderer's reading width. */
	width?: number;
	/** Remember and restore reading positions (`--no-state` turns it off). Default true. */
	state?: boolean;
	/** Wheel scrolling (SGR mouse reports, modes 1000 and 1006); `--no-mouse` turns it off. Default true. */
	mouse?: boolean;
	/** The outline pane opens by itself on wide terminals (the `outline` setting). Default true. */
	outline?: boolean;
	/** `q` in an article goes back to the list (`quit = "back"`). */
	quitGoesBack?: boolean;
	/** Where keys come from: `/dev/tty` when stdin is a pipe. Default `process.stdin`. */
	stdin?: NodeJS.ReadStream;
};

const firstReadWaitMs = 150;

/** A folder (or file) to read in the background while the UI shows progress. */
export type BrowseFolder = {root: string; label: string; load?: Omit<LoadOptions, 'onProgress'>};

/** Several sources, or any on the web, read together (see `openSources`). */
export type BrowseSources = {specs: SourceSpec[]; label: string};

function startSource(target: Library | BrowseFolder | BrowseSources, watch: boolean): {source: LibrarySource; ready?: Promise<unknown>; close?: () => void; root: string} {
	if ('posts' in target) {
		return {source: staticLibrary(target), root: path.resolve(target.root)};
	}

	if ('specs' in target) {
		const sources = openSources(target.specs, {watch, remote: remoteOptions(process.env)});
		// Reading positions are kept per source list: the same addresses find their places again.
		return {source: sources, ready: sources.ready, close: sources.close, root: target.specs.map(spec => (spec.kind === 'url' ? spec.url : path.resolve(spec.root))).join('\n')};
	}

	const watcher = watchLibrary(target.root, {...target.load, label: target.label, watch});
	return {source: watcher, ready: watcher.ready, close: watcher.close, root: path.resolve(target.root)};
}

/**
 * Runs the full-screen browser on the terminal until the reader quits. Given a folder, the UI starts
 * at once (showing indexing progress) and follows the folder unless `watch` is false.
 */
export async function browse(target: Library | BrowseFolder | BrowseSources, options: BrowseOptions): Promise<void> {
	const {source, ready, close, root} = startSource(target, options.watch ?? true);
	// Renders in a worker (marked and the highlighter load there, started and warmed up once the list
	// is up), cached per post object: a re-read file is a new object, so an edited post is rendered afresh.
	const loadArticle = createArticleLoader({theme: options.theme ?? 'dark', colorLevel: options.colorLevel, hyperlinks: options.hyperlinks, warmUpAfterMs: 800, ...(options.width === undefined ? {} : {readingWidth: options.width})});

	// A small library is read before the first frame, so the list is the first thing drawn rather than
	// an indexing frame replaced a few frames later (each Ink frame costs 10–30 ms); a big one shows progress.
	if (ready) {
		await Promise.race([ready, delay(firstReadWaitMs)]);
	}

	const screen = `\u001B[?1049h${options.mouse === false ? '' : mouseOn}`;
	process.stdout.write(screen);
	const positions = options.state === false ? undefined : createPositionStore({file: positionsFile(process.env), root});
	let restored = false;
	const restore = () => {
		if (restored) {
			return;
		}

		restored = true;
		positions?.close();
		// The terminal may be gone (a deleted pty): nothing to restore, and nothing to report it to.
		try {
			process.stdout.write(suspendSequence);
		} catch {}
	};

	process.once('exit', restore);
	const stdin = options.stdin ?? process.stdin;
	const stopWatchingTerminal = exitWhenTerminalGoes(stdin, restore);
	const local = localActions({stdin, stdout: process.stdout, env: process.env}, () => {
		process.stdout.write(screen);
		// The screen came back blank, but Ink thinks its last frame is still there and skips an
		// unchanged one; only a narrower terminal makes it forget that frame, so pretend one for a moment.
		const {columns} = process.stdout;
		process.stdout.columns = Math.max(1, columns - 1);
		process.stdout.emit('resize');
		process.stdout.columns = columns;
		process.stdout.emit('resize');
	});
	const instance = render(<App source={source} loadArticle={loadArticle} local={local} {...(positions ? {positions} : {})} showDrafts={options.showDrafts ?? false} outline={options.outline ?? true} quitGoesBack={options.quitGoesBack ?? false} textStyle={textStyleFor(options.colorLevel, options.attributes ?? true, options.theme ?? 'dark')} {...(options.width === undefined ? {} : {readingWidth: options.width})}/>, {exitOnCtrlC: false, patchConsole: false, stdin});
	await instance.waitUntilExit();
	stopWatchingTerminal();
	close?.();
	loadArticle.close();
	restore();
	process.removeListener('exit', restore);
	for (const warning of positions?.warnings() ?? []) {
		process.stderr.write(`blog-tui: ${warning}\n`);
	}
}
