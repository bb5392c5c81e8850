import {type FSWatcher, watch} from 'node:fs';
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {defaultExtensions} from './discover-files.js';
import {loadLibrary, type LoadOptions} from './load-library.js';
import type {Library, Post} from './post.js';
import {type FolderWatch, watchFolders} from './watch-folders.js';

export type LibraryWatchOptions = Omit<LoadOptions, 'onProgress'> & {
	/** How the folder is named in headers: as the user gave it. */
	label: string;
	/** Re-read the library when files change; false gives one load and no watcher. */
	watch: boolean;
	/** Quiet time after the last change before re-reading, so a save that writes several times reads once. */
	debounceMs?: number;
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
	/** Settles with the first complete library. */
	ready: Promise<Library>;
	/** Settles after the next re-read that starts from now (for tests and scripts). */
	settled: () => Promise<Library>;
	/** Reads the files again now, by hand (`r`: for file systems that send no change events). */
	reload: () => Promise<Library>;
	close: () => void;
};

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
	const before = new Map(previous.posts.map(post => [post.absolutePath, post]));
	let kept = 0;
	const posts = next.posts.map(post => {
		const old = before.get(post.absolutePath);
		if (old && samePost(old, post)) {
			kept++;
			return old;
		}

		return post;
	});
	return kept === 0 ? next : {...next, posts};
}

function failedLibrary(root: string, label: string, error: unknown): Library {
	const problem = error instanceof Error ? error.message : String(error);
	return {root, label, posts: [], problems: [{path: label, absolutePath: root, problem}]};
}

/**
 * Reads the library at `root` without blocking the caller, reporting progress, then re-reads it
 * when files under it change (a watch on each folder, see `watchFolders`). Every read produces a new `Library` object;
 * posts keep their absolute paths, so a UI can keep its selection across reads.
 */
export function watchLibrary(root: string, options: LibraryWatchOptions): LibraryWatcher {
	const absoluteRoot = path.resolve(root);
	const {label, debounceMs = 100, watch: follow, ...loadOptions} = options;
	const extensions = (loadOptions.extensions ?? defaultExtensions).map(extension => extension.replace(/^\./, '').toLowerCase());
	const listeners = new Set<() => void>();
	let library: Library = {root: absoluteRoot, label, posts: [], problems: []};
	let progress: IndexingProgress | undefined = {read: 0, total: undefined};
	let watcher: FSWatcher | undefined;
	let folders: FolderWatch | undefined;
	let timer: NodeJS.Timeout | undefined;
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
			const loaded = await loadLibrary(absoluteRoot, {
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

	const startWatching = async () => {
		try {
			if (!(await stat(absoluteRoot)).isDirectory()) {
				// Watch the folder, not the file: editors save by replacing the file, which ends a file watch.
				const only = path.basename(absoluteRoot);
				watcher = watch(path.dirname(absoluteRoot), (_event, name) => {
					const relative = name?.toString();
					if (relative === undefined || relative === only) {
						schedule();
					}
				});
				watcher.on('error', () => {
					// The folder went away or the system ran out of watches: keep what was read, stop following.
					watcher?.close();
					watcher = undefined;
					notify();
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
			watcher?.close();
			watcher = undefined;
			folders?.close();
		}

		notify();
	};

	// Watch from the start, so a file saved while the first read runs is not missed.
	if (follow) {
		void startWatching();
	}

	const ready = run(true);

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
			watcher?.close();
			watcher = undefined;
			folders?.close();
			waiting = [];
		},
	};
}
