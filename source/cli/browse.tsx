import path from 'node:path';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink';
import type {LoadOptions} from '../content/load-library.js';
import type {Library} from '../content/post.js';
import {watchLibrary} from '../content/watch-library.js';
import {createArticleLoader} from '../render/article-loader.js';
import type {Theme} from '../render/article.js';
import {App} from '../ui/App.js';
import {type LibrarySource, staticLibrary} from '../ui/services.js';
import {createPositionStore, positionsFile} from './reading-positions.js';

export type BrowseOptions = {
	colorLevel: 0 | 1 | 2 | 3;
	hyperlinks: boolean;
	/** Bold, underline and inverse may be used (NO_COLOR and `--no-color` keep them). Default true. */
	attributes?: boolean;
	/** Follow changes on disk (`--no-watch` turns it off); only for a folder given as `{root, label}`. */
	watch?: boolean;
	/** List drafts, marked (`--drafts`). */
	showDrafts?: boolean;
	/** Article colours; `--theme auto` is resolved by the caller. Default dark. */
	theme?: Theme;
	/** `--width`: article text at most this many columns, centred when the terminal is wider; default the renderer's reading width. */
	width?: number;
	/** Remember and restore reading positions (`--no-state` turns it off). Default true. */
	state?: boolean;
	/** Where keys come from: `/dev/tty` when stdin is a pipe. Default `process.stdin`. */
	stdin?: NodeJS.ReadStream;
};

const firstReadWaitMs = 150;

/** A folder (or file) to read in the background while the UI shows progress. */
export type BrowseFolder = {root: string; label: string; load?: Omit<LoadOptions, 'onProgress'>};

/**
 * Runs the full-screen browser on the terminal until the reader quits. Given a folder, the UI starts
 * at once (showing indexing progress) and follows the folder unless `watch` is false.
 */
export async function browse(target: Library | BrowseFolder, options: BrowseOptions): Promise<void> {
	const watcher = 'posts' in target ? undefined : watchLibrary(target.root, {...target.load, label: target.label, watch: options.watch ?? true});
	const source: LibrarySource = watcher ?? staticLibrary(target as Library);
	// Renders in a worker (marked and the highlighter load there, started and warmed up once the list
	// is up), cached per post object: a re-read file is a new object, so an edited post is rendered afresh.
	const loadArticle = createArticleLoader({theme: options.theme ?? 'dark', colorLevel: options.colorLevel, hyperlinks: options.hyperlinks, warmUpAfterMs: 800, ...(options.width === undefined ? {} : {readingWidth: options.width})});

	// A small library is read before the first frame, so the list is the first thing drawn rather than
	// an indexing frame replaced a few frames later (each Ink frame costs 10–30 ms); a big one shows progress.
	if (watcher) {
		await Promise.race([watcher.ready, delay(firstReadWaitMs)]);
	}

	process.stdout.write('\u001B[?1049h');
	const positions = options.state === false ? undefined : createPositionStore({file: positionsFile(process.env), root: path.resolve(target.root)});
	const restore = () => {
		positions?.close();
		process.stdout.write('\u001B[?25h\u001B[?1049l');
	};

	process.once('exit', restore);
	const instance = render(<App source={source} loadArticle={loadArticle} {...(positions ? {positions} : {})} showDrafts={options.showDrafts ?? false} textStyle={{colour: options.colorLevel > 0, attributes: options.attributes ?? true}} {...(options.width === undefined ? {} : {readingWidth: options.width})}/>, {exitOnCtrlC: false, patchConsole: false, ...(options.stdin ? {stdin: options.stdin} : {})});
	await instance.waitUntilExit();
	watcher?.close();
	loadArticle.close();
	restore();
	process.removeListener('exit', restore);
	for (const warning of positions?.warnings() ?? []) {
		process.stderr.write(`blog-tui: ${warning}\n`);
	}
}
