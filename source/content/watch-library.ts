import {type FSWatcher, type Stats, watch} from 'node:fs';
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {defaultExtensions} from './discover-files.js';
import {fileKeyOf} from './index-cache.js';
import {indexedLibrary, loadLibrary, type LoadOptions, RootError} from './load-library.js';
import type {Library, Post} from './post.js';
import {type FolderWatch, outOfWatches, watchFolders} from './watch-folders.js';

export type LibraryWatchOptions = Omit<LoadOptions, 'onProgress'> & {
	/** How the folder is named in headers: as the user gave it. */
	label: string;
	/** Re-read the library when files change; false gives one load and no watcher. */
	watch: boolean;
	/** Quiet time after the last change before re-reading, so a save that writes several times reads once. */
	debounceMs?: number;
	/**
	 * How often a watched folder root is looked at again, to follow it when it is removed and made
	 * again (a deploy's `rm -rf site; mkdir site`) or when a symlinked root is switched to another
	 * release (`ln -sfn release-2 current`): the watcher stays on the old folder in both cases.
	 */
	pollMs?: number;
	/** Reads the folder: `loadLibrary` (a test holds it back to see what is shown meanwhile). */
	load?: typeof loadLibrary;
};

export type IndexingProgress = {read: number; total: number | undefined};

/** A library that loads in the background and follows the folder; shaped as the UI's `LibrarySource`. */
export type LibraryWatcher = {
	/** The library as last read; empty (with root and label) until the first read ends. */
	current: () => Library;
	/** Progress of the first read; undefined once it is done. */
	indexing: () => IndexingProgress | undefined;
	/** Whether changes on disk are followed right now. */
	readonly watching: boolean;
	subscribe: (listener: () => void) => () => void;
	/** Settles with the first complete library: the index's, when there is one (then checked against the files, as a re-read). */
	ready: Promise<Library>;
	/** Settles after the next re-read that starts from now (for tests and scripts). */
	settled: () => Promise<Library>;
	/** Reads the files again now, by hand (`r`: for file systems that send no change events). */
	reload: () => Promise<Library>;
	close: () => void;
};

// The system's limits on watches and open files: retrying would fail the same way.

function ignored(relative: string, extensions: readonly string[]): boolean {
	const parts = relative.split(/[\\/]/);
	if (parts.some(part => part.startsWith('.') || part === 'node_modules')) {
		return true;
	}

	// Editors write swap and backup files next to posts; a name with another extension is not a post.
	const extension = path.extname(relative).slice(1).toLowerCase();
	return extension !== '' && !extensions.includes(extension);
}

function samePost(a: Post, b: Post): boolean {
	// The same file as it was: comparing bodies would read every cached post's body from disk.
	const key = fileKeyOf(a);
	if (key !== undefined && key === fileKeyOf(b) && a.slug === b.slug) {
		return true;
	}

	if (a.body !== b.body) {
		return false;
	}

	const {body: _a, ...restA} = a;
	const {body: _b, ...restB} = b;
	return JSON.stringify(restA) === JSON.stringify(restB);
}

/**
 * Gives unchanged posts their previous objects back, so whatever was worked out for them (an open
 * article's rendering, filter preparation) stays valid, and only what changed is redone.
 */
export function keepUnchanged(previous: Library, next: Library): Library {
	const before = new Map(previous.posts.map(post => [post.id, post]));
	let kept = 0;
	const posts = next.posts.map(post => {
		const old = before.get(post.id);
		if (old && samePost(old, post)) {
			kept++;
			return old;
		}

		return post;
	});
	return kept === 0 ? next : {...next, posts};
}

// Named by its label only: over SSH the absolute path is the server's business.
function failedLibrary(root: string, label: string, error: unknown): Library {
	const problem = error instanceof RootError ? `${label} ${error.reason}` : error instanceof Error ? error.message : String(error);
	return {root, label, posts: [], problems: [{path: label, absolutePath: root, problem}]};
}

/**
 * Which folder a root is right now: it changes when the folder is made again or a link to it is
 * switched. The birth time tells a new folder from an old one whose inode number was reused.
 */
function identityOf(info: Stats): string | undefined {
	return info.isDirectory() ? `${info.dev}:${info.ino}:${info.birthtimeMs}` : undefined;
}

async function folderIdentity(root: string): Promise<string | undefined> {
	try {
		return identityOf(await stat(root));
	} catch {
		return undefined;
	}
}

/**
 * Reads the library at `root` without blocking the caller, reporting progress, then re-reads it
 * when files under it change (a watch on each folder, see `watchFolders`). Every read produces a new `Library` object;
 * posts keep their absolute paths, so a UI can keep its selection across reads.
 */
export function watchLibrary(root: string, options: LibraryWatchOptions): LibraryWatcher {
	const absoluteRoot = path.resolve(root);
	const {label, debounceMs = 100, pollMs = 1000, watch: follow, load = loadLibrary, ...loadOptions} = options;
	const extensions = (loadOptions.extensions ?? defaultExtensions).map(extension => extension.replace(/^\./, '').toLowerCase());
	const listeners = new Set<() => void>();
	let library: Library = {root: absoluteRoot, label, posts: [], problems: []};
	let progress: IndexingProgress | undefined = {read: 0, total: undefined};
	let watcher: FSWatcher | undefined;
	/** The folder the watcher was started on, as `folderIdentity` names it. */
	let watched: string | undefined;
	let folders: FolderWatch | undefined;
	let timer: NodeJS.Timeout | undefined;
	let poller: NodeJS.Timeout | undefined;
	let reading: Promise<Library> | undefined;
	let again = false;
	let closed = false;
	let waiting: Array<(library: Library) => void> = [];

	const notify = () => {
		for (const listener of listeners) {
			listener();
		}
	};

	const read = async (first: boolean): Promise<Library> => {
		try {
			const loaded = await load(absoluteRoot, {
				...loadOptions,
				onProgress: first ? (done, total) => {
					progress = {read: done, total};
					notify();
				} : undefined,
			});
			return {...loaded, label};
		} catch (error) {
			return failedLibrary(absoluteRoot, label, error);
		}
	};

	/** Reads the library; changes seen meanwhile cause one more read once this one ends. */
	const run = (first: boolean): Promise<Library> => {
		// New folders are watched before they are read, so a file saved into one meanwhile is not missed.
		const current = (first ? read(first) : (folders?.sync() ?? Promise.resolve()).then(async () => read(first))).then(next => {
			reading = undefined;
			if (first) {
				progress = undefined;
			}

			if (closed) {
				return next;
			}

			library = first ? next : keepUnchanged(library, next);
			notify();
			if (again) {
				again = false;
				reread();
			} else if (!first) {
				for (const resolve of waiting.splice(0)) {
					resolve(library);
				}
			}

			return library;
		});
		reading = current;
		return current;
	};

	const reread = () => {
		if (closed) {
			return;
		}

		if (reading) {
			again = true;
			return;
		}

		void run(false);
	};

	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(reread, debounceMs);
	};

	const stopWatching = () => {
		watcher?.close();
		watcher = undefined;
		folders?.close();
		folders = undefined;
	};

	const startWatching = async () => {
		let info;
		try {
			info = await stat(absoluteRoot);
		} catch {
			watched = undefined;
			notify();
			return;
		}

		// Kept even if watching fails below (out of watches): retrying every poll would not help.
		watched = identityOf(info);
		try {
			if (!info.isDirectory()) {
				// Watch the folder, not the file: editors save by replacing the file, which ends a file watch.
				const only = path.basename(absoluteRoot);
				watcher = watch(path.dirname(absoluteRoot), (_event, name) => {
					const relative = name?.toString();
					if (relative === undefined || relative === only) {
						schedule();
					}
				});
				watcher.on('error', (error: NodeJS.ErrnoException) => {
					if (outOfWatches.has(error.code ?? '')) {
						// Nothing more can be followed: keep what was read, say the list no longer follows.
						stopWatching();
						notify();
						return;
					}

					// One entry it cannot look at (a self-link's ELOOP, a file gone mid-scan): the watcher
					// goes on, and the re-read reports that entry as a problem row. A folder that went away
					// is the poll's business.
					schedule();
				});
			} else {
				folders = watchFolders(absoluteRoot, {
					onChange(relative) {
						if (relative === undefined || !ignored(relative, extensions)) {
							schedule();
						}
					},
					onStop: notify,
					skipFolder: name => name === 'node_modules',
				});
				await folders.sync();
			}

		} catch {
			watcher = undefined;
		}

		if (closed) {
			stopWatching();
		}

		notify();
	};

	/** Follows the root folder to wherever it is now. */
	const checkFolder = async () => {
		const now = await folderIdentity(absoluteRoot);
		if (closed || now === watched) {
			return;
		}

		stopWatching();
		if (now === undefined) {
			// Gone: say so, rather than go on showing posts that are no longer there.
			watched = undefined;
			notify();
		} else {
			// Made again, or the link now leads to another release: watch that folder.
			await startWatching();
		}

		reread();
	};

	// Watch from the start, so a file saved while the first read runs is not missed.
	if (follow) {
		// One check at a time, and none while the first watcher is being set up.
		let busy = true;
		const done = () => {
			busy = false;
		};

		void startWatching().finally(done);
		poller = setInterval(() => {
			if (!busy) {
				busy = true;
				void checkFolder().finally(done);
			}
		}, pollMs);
		// The poll never keeps a process alive by itself.
		poller.unref();
	}

	/**
	 * With an index, its list is shown at once and every file is checked after, as a re-read: a
	 * changed, added or removed file updates the list when it is found.
	 */
	const start = (): Promise<Library> => {
		const indexed = indexedLibrary(absoluteRoot, loadOptions);
		if (!indexed) {
			return run(true);
		}

		library = {...indexed, label};
		progress = undefined;
		void run(false);
		return Promise.resolve(library);
	};

	const ready = start();

	return {
		current: () => library,
		indexing: () => progress,
		get watching() {
			return watcher !== undefined || (folders?.active ?? false);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		ready,
		settled: () => new Promise(resolve => {
			waiting.push(resolve);
		}),
		async reload() {
			const done = new Promise<Library>(resolve => {
				waiting.push(resolve);
			});
			clearTimeout(timer);
			reread();
			return done;
		},
		close() {
			closed = true;
			clearTimeout(timer);
			clearInterval(poller);
			stopWatching();
			waiting = [];
		},
	};
}
