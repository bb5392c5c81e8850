import {type LoadOptions, orderPosts, uniqueSlugs} from '../content/load-library.js';
import type {Library, Post} from '../content/post.js';
import {keepUnchanged, watchLibrary, type LibraryWatcher} from '../content/watch-library.js';
import type {RemoteLibrary, RemoteOptions} from './read-remote.js';
import {shortUrl} from './remote-url.js';

/** A folder (or file) on this disk, or an address on the web. */
export type SourceSpec =
	| {kind: 'folder'; root: string; label: string; load?: Omit<LoadOptions, 'onProgress'>}
	| {kind: 'url'; url: string};

export type SourcesOptions = {
	/** Follow folders on disk. */
	watch: boolean;
	remote?: RemoteOptions;
	/** A refresh sooner than this after the last one is ignored (a server shared by many readers). Default 0. */
	minRefreshMs?: number;
};

export type Progress = {read: number; total: number | undefined; unit?: string; detail?: string};

/** Several sources read as one library, in the shape of the UI's `LibrarySource`, with `reload` for all of them (folders read again, web sources asked again). */
export type SourcesWatcher = Omit<LibraryWatcher, 'indexing' | 'settled' | 'reload'> & {
	indexing: () => Progress | undefined;
	reload: () => void;
	/** Settles once a refresh started now has ended. */
	refreshed: () => Promise<Library>;
};

function kilobytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Short names, so several fit a header; the oldest offline copy's age first, so a cut header still says it. */
function combinedLabel(parts: ReadonlyArray<Library | RemoteLibrary>): string {
	const names = parts.map(part => ('name' in part ? part.name : part.label)).join(' + ');
	const offline = parts.filter((part): part is RemoteLibrary & {offline: NonNullable<RemoteLibrary['offline']>} => 'offline' in part && part.offline !== undefined);
	if (offline.length === 0) {
		return names;
	}

	const oldest = offline.reduce((a, b) => (a.offline.fetchedAt <= b.offline.fetchedAt ? a : b));
	return `${oldest.label.split(' · ')[0]!}${offline.length < parts.length ? ` (${offline.length} of ${parts.length})` : ''} · ${names}`;
}

function emptyPart(spec: SourceSpec): Library {
	return spec.kind === 'folder'
		? {root: spec.root, label: spec.label, posts: [], problems: []}
		: {root: spec.url, label: shortUrl(spec.url), posts: [], problems: []};
}

/**
 * Reads every source in the background and shows them as one library: posts from all of them, newest
 * first, slugs made unique across them (earlier sources keep theirs), every problem kept. A source
 * that fails is one problem in the list, never the end of the others. Folders are followed on disk;
 * folders are read again and web sources asked again on `reload`, with conditional requests.
 */
export function openSources(specs: readonly SourceSpec[], options: SourcesOptions): SourcesWatcher {
	const parts: Array<Library | RemoteLibrary> = specs.map(spec => emptyPart(spec));
	const listeners = new Set<() => void>();
	const watchers: Array<LibraryWatcher | undefined> = [];
	const renamed = new WeakMap<Post, Post>();
	let progress: Progress | undefined = {read: 0, total: specs.length, unit: specs.length === 1 ? 'source' : 'sources'};
	let refreshing: Promise<Library> | undefined;
	let lastRefresh = Number.NEGATIVE_INFINITY;
	let closed = false;
	let library: Library = combine();

	function combine(): Library {
		// The same post reached twice (a site and its feed both given) is listed once.
		const seen = new Set<string>();
		const posts = parts.flatMap(part => part.posts).filter(post => !seen.has(post.id) && Boolean(seen.add(post.id)));
		const copies = posts.map(post => ({...post}));
		uniqueSlugs(copies);
		const named = posts.map((post, index) => {
			const slug = copies[index]!.slug;
			if (slug === post.slug) {
				return post;
			}

			const kept = renamed.get(post);
			if (kept?.slug === slug) {
				return kept;
			}

			const copy = {...post, slug};
			renamed.set(post, copy);
			return copy;
		});
		const label = parts.length === 1 ? parts[0]!.label : combinedLabel(parts);
		return {root: parts[0]?.root ?? '', label: refreshing ? `${label} · refreshing…` : label, posts: orderPosts(named), problems: parts.flatMap(part => part.problems)};
	}

	const notify = () => {
		if (closed) {
			return;
		}

		library = combine();
		for (const listener of listeners) {
			listener();
		}
	};

	const fetchPart = async (index: number, spec: Extract<SourceSpec, {kind: 'url'}>, first: boolean): Promise<void> => {
		const remote: RemoteOptions = {
			...options.remote,
			onProgress(received, total) {
				if (first && progress) {
					progress = {...progress, detail: `fetching ${shortUrl(spec.url)}: ${kilobytes(received)}${total === undefined ? '' : ` of ${kilobytes(total)}`}`};
					notify();
				}
			},
		};
		try {
			// Loaded with the first web source: a folder never pays for the feed parser and turndown.
			const {readRemote} = await import('./read-remote.js');
			const next = await readRemote(spec.url, remote);
			parts[index] = first ? next : keepUnchanged(parts[index]!, next);
		} catch (error) {
			const problem = error instanceof Error ? error.message : String(error);
			// A refresh that fails keeps what was shown, and says why next to it.
			parts[index] = {...(first ? emptyPart(spec) : parts[index]!), problems: [{path: shortUrl(spec.url), absolutePath: spec.url, problem}]};
		}
	};

	const firstReads = specs.map(async (spec, index) => {
		if (spec.kind === 'folder') {
			const watcher = watchLibrary(spec.root, {...spec.load, label: spec.label, watch: options.watch});
			watchers[index] = watcher;
			watcher.subscribe(() => {
				if (!watcher.indexing()) {
					parts[index] = watcher.current();
					notify();
				}
			});
			parts[index] = await watcher.ready;
		} else {
			await fetchPart(index, spec, true);
		}

		if (progress) {
			progress = {...progress, read: progress.read + 1, detail: undefined};
		}

		notify();
	});

	const ready = Promise.all(firstReads).then(() => {
		progress = undefined;
		notify();
		return library;
	});

	return {
		current: () => library,
		indexing: () => progress,
		get watching() {
			return watchers.some(watcher => watcher?.watching);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		ready,
		reload() {
			if (refreshing || progress || closed || performance.now() - lastRefresh < (options.minRefreshMs ?? 0)) {
				return;
			}

			lastRefresh = performance.now();
			refreshing = Promise.all(specs.map(async (spec, index) => (spec.kind === 'url' ? fetchPart(index, spec, false) : watchers[index]?.reload()))).then(() => {
				refreshing = undefined;
				notify();
				return library;
			});
			notify();
		},
		refreshed: () => refreshing ?? Promise.resolve(library),
		close() {
			closed = true;
			for (const watcher of watchers) {
				watcher?.close();
			}
		},
	};
}
