import {type FSWatcher, watch} from 'node:fs';
import {readdir, realpath} from 'node:fs/promises';
import path from 'node:path';

export type FolderWatch = {
	/** Watches every folder now under the root and drops watches on folders gone; call before each read. */
	sync: () => Promise<void>;
	/** Whether the root itself is watched. */
	readonly active: boolean;
	close: () => void;
};

export type FolderWatchOptions = {
	/** Called with the changed entry's path relative to the root (`undefined` when the system did not say). */
	onChange: (relative: string | undefined) => void;
	/** Called when the root's watch ends (the folder went away, the system ran out of watches). */
	onStop: () => void;
	/** Folders not to descend into, by name. */
	skipFolder: (name: string) => boolean;
};

/** Errors after which the system follows nothing more: the watch ends. */
export const outOfWatches = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

/** Beyond this many folders the rest are not watched (a hostile tree must not exhaust inotify). */
const maxFolders = 5000;

/**
 * One non-recursive watch per folder under `root`. Node 20's `fs.watch(root, {recursive: true})`
 * on Linux watches each file, and a file replaced by a rename (the way Emacs, JetBrains, gedit,
 * `sed -i` and Vim with `backupcopy=no` save) is never watched again: live reload stopped after one
 * save. A folder's own watch reports every rename into it, however many times the file is replaced.
 */
export function watchFolders(root: string, options: FolderWatchOptions): FolderWatch {
	const watchers = new Map<string, FSWatcher>();
	let closed = false;
	let syncing: Promise<void> | undefined;
	let again = false;

	const drop = (folder: string) => {
		watchers.get(folder)?.close();
		watchers.delete(folder);
		if (folder === root) {
			options.onStop();
		}
	};

	const add = (folder: string) => {
		const relativeFolder = path.relative(root, folder);
		const watcher = watch(folder, (_event, name) => {
			const entry = name?.toString();
			options.onChange(entry === undefined ? undefined : path.join(relativeFolder, entry));
		});
		watcher.on('error', (error: NodeJS.ErrnoException) => {
			if (outOfWatches.has(error.code ?? '')) {
				drop(folder);
				return;
			}

			// One entry it cannot look at (a self-link's ELOOP, a file gone mid-scan): the watch goes on,
			// and the re-read reports that entry as a problem row.
			options.onChange(undefined);
		});
		watchers.set(folder, watcher);
	};

	/** The folders under root now, following links once (a link back up is not followed again). */
	const findFolders = async (): Promise<Set<string>> => {
		const found = new Set<string>();
		const seenReal = new Set<string>();
		const queue = [root];
		while (queue.length > 0 && found.size < maxFolders) {
			const folder = queue.shift()!;
			let real: string;
			let entries;
			try {
				real = await realpath(folder);
				entries = await readdir(folder, {withFileTypes: true});
			} catch {
				continue;
			}

			if (seenReal.has(real)) {
				continue;
			}

			seenReal.add(real);
			found.add(folder);
			for (const entry of entries) {
				if ((entry.isDirectory() || entry.isSymbolicLink()) && !entry.name.startsWith('.') && !options.skipFolder(entry.name)) {
					queue.push(path.join(folder, entry.name));
				}
			}
		}

		return found;
	};

	const syncOnce = async () => {
		const folders = await findFolders();
		if (closed) {
			return;
		}

		for (const folder of watchers.keys()) {
			if (!folders.has(folder)) {
				drop(folder);
			}
		}

		for (const folder of folders) {
			if (!watchers.has(folder)) {
				try {
					add(folder);
				} catch {
					// Out of watches, or the folder went away between the listing and now.
				}
			}
		}
	};

	const sync = async (): Promise<void> => {
		if (syncing) {
			again = true;
			return syncing;
		}

		syncing = (async () => {
			do {
				again = false;
				await syncOnce();
			} while (again && !closed);
		})().finally(() => {
			syncing = undefined;
		});
		return syncing;
	};

	return {
		sync,
		get active() {
			return watchers.has(root);
		},
		close() {
			closed = true;
			for (const watcher of watchers.values()) {
				watcher.close();
			}

			watchers.clear();
		},
	};
}
