import {realpathSync} from 'node:fs';
import {realpath, stat} from 'node:fs/promises';
import path from 'node:path';
import {decodeText, isUtf16} from './decode-text.js';
import {defaultExtensions, describeFsError, discoverFiles, isInside, leavesFolder} from './discover-files.js';
import {type FileResult, type IndexCacheOptions, indexedResults, openIndexCache} from './index-cache.js';
import {bodyFrom, withLazyBody, withoutBody} from './lazy-body.js';
import {loadPost} from './load-post.js';
import type {Library, Post, Problem} from './post.js';
import {readFileBytes} from './read-file-bytes.js';
import {mayHoldMojibake, repairMojibake} from './repair-mojibake.js';

export type LoadOptions = {
	/** File extensions to read in a folder (without dots); default `md`, `markdown`, `mdx`. */
	extensions?: readonly string[];
	/** Files larger than this many bytes are problems, not posts; default 10 MB. */
	maxBytes?: number;
	/** Called after each slice of work (about every 12 ms) and after the last file. */
	onProgress?: (read: number, total: number) => void;
	/** Drafts are loaded and flagged `draft: true` unless this is `false`; default true (the UI filters). */
	includeDrafts?: boolean;
	/** Read nothing whose real path is outside the folder (see `discoverFiles`); for `serve`. */
	confine?: boolean;
	/** Keep what each file gave in an index under this folder, so the next load of a folder reads only changed files. */
	cache?: IndexCacheOptions;
	/**
	 * `on demand`: each post's body is read again from its file when first asked for, instead of kept
	 * from the first read (for listing, where no body is shown). Default `kept`.
	 */
	bodies?: 'kept' | 'on demand';
};

export const defaultMaxBytes = 10 * 1024 * 1024;
// Reading is synchronous per file (fastest for many small files); yield between slices so a UI stays live.
const sliceMilliseconds = 12;

function toRelative(base: string, absolutePath: string): string {
	const relative = absolutePath.startsWith(base + path.sep) ? absolutePath.slice(base.length + 1) : path.relative(base, absolutePath);
	return (path.sep === '/' ? relative : relative.split(path.sep).join('/')) || path.basename(absolutePath);
}

export function orderPosts(posts: Post[]): Post[] {
	return posts.sort((a, b) => (b.date?.time ?? Number.NEGATIVE_INFINITY) - (a.date?.time ?? Number.NEGATIVE_INFINITY)
		|| a.title.localeCompare(b.title)
		|| (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Makes slugs unique (case-insensitively) in path order, so each file keeps its slug from run to run. */
export function uniqueSlugs(posts: Post[]): void {
	const taken = new Set(posts.map(post => post.slug.toLowerCase()));
	const seen = new Set<string>();
	for (const post of posts) {
		const key = post.slug.toLowerCase();
		if (!seen.has(key)) {
			seen.add(key);
			continue;
		}

		let number = 2;
		while (taken.has(`${key}-${number}`)) {
			number++;
		}

		post.slug = `${post.slug}-${number}`;
		taken.add(`${key}-${number}`);
		seen.add(`${key}-${number}`);
	}
}

export type {FileResult};

/**
 * A post from the bytes of a file or a pipe: decoded (BOM, UTF-16, legacy code pages), mojibake
 * repaired, normalised. Empty and binary input are problems, not posts.
 */
export function postFromBytes(bytes: Uint8Array, place: {id: string; path: string; absolutePath?: string}): FileResult {
	const decoded = decodeText(bytes);
	if ('binary' in decoded) {
		return {problem: 'binary file, not text'};
	}

	if (decoded.text.trim() === '') {
		return {problem: 'empty file'};
	}

	let {text} = decoded;
	const sources: Record<string, string> = {};
	// UTF-16 files skip the byte search, which reads UTF-8.
	if (!decoded.ascii && decoded.warnings.length === 0 && (isUtf16(bytes) || mayHoldMojibake(bytes))) {
		const repair = repairMojibake(text);
		if (repair.repaired) {
			text = repair.text;
			sources['body'] = 'mojibake repaired';
		}
	}

	return {post: loadPost({...place, text, warnings: decoded.warnings, sources})};
}

/** Checked again just before reading: a folder on the way may have been swapped for a link since discovery. */
function outside(realRoot: string, absolutePath: string): string | undefined {
	try {
		return isInside(realRoot, realpathSync(absolutePath)) ? undefined : leavesFolder;
	} catch (error) {
		return describeFsError(error);
	}
}

function loadFile(base: string, absolutePath: string, maxBytes: number): FileResult {
	const read = readFileBytes(absolutePath, maxBytes);
	return 'problem' in read ? read : postFromBytes(read.bytes, {id: absolutePath, path: toRelative(base, absolutePath), absolutePath});
}

/** The root itself cannot be read; `reason` says why without naming the path. */
export class RootError extends Error {
	constructor(root: string, readonly reason: string) {
		super(`${root} ${reason}`);
	}
}

function yieldToEventLoop(): Promise<void> {
	return new Promise(resolve => {
		setImmediate(resolve);
	});
}

/**
 * Reads every post under `root` (a folder, or a single file read whatever its extension). Files that
 * cannot be read become problems, never errors; a post read with a problem is listed and reported.
 * Throws only when `root` itself does not exist or is neither a file nor a folder.
 */
export async function loadLibrary(root: string, options: LoadOptions = {}): Promise<Library> {
	const absoluteRoot = path.resolve(root);
	let info;
	try {
		info = await stat(absoluteRoot);
	} catch (error) {
		throw new RootError(root, describeFsError(error));
	}

	if (!info.isDirectory() && !info.isFile()) {
		throw new RootError(root, 'is not a file or folder');
	}

	const base = info.isDirectory() ? absoluteRoot : path.dirname(absoluteRoot);
	const discovered = info.isDirectory()
		? await discoverFiles(absoluteRoot, options.extensions ?? defaultExtensions, {confine: options.confine})
		: {files: [absoluteRoot], problems: []};
	const realRoot = options.confine && info.isDirectory() ? await realpath(absoluteRoot) : undefined;
	const maxBytes = options.maxBytes ?? defaultMaxBytes;
	const total = discovered.files.length;
	options.onProgress?.(0, total);

	const posts: Post[] = [];
	const problems: Problem[] = discovered.problems.map(({absolutePath, problem}) => ({path: toRelative(base, absolutePath), absolutePath, problem}));
	const cache = options.cache && info.isDirectory() ? openIndexCache(base, maxBytes, options.cache) : undefined;
	let sliceStart = performance.now();
	for (const [index, file] of discovered.files.entries()) {
		const read = () => loadFile(base, file, maxBytes);
		// Confinement is checked on every load, the index's answers too: a link may have been switched since.
		const refused = realRoot === undefined ? undefined : outside(realRoot, file);
		const result: FileResult = refused ? {problem: refused} : cache ? cache.load(file, read) : read();
		if (options.bodies === 'on demand' && 'post' in result && Object.getOwnPropertyDescriptor(result.post, 'body')?.get === undefined) {
			// A copy: the fields' strings are slices of the file's text and would keep all of it alive.
			result.post = withLazyBody(structuredClone(withoutBody(result.post)), bodyFrom(read));
		}

		if ('post' in result) {
			posts.push(result.post);
		} else {
			problems.push({path: toRelative(base, file), absolutePath: file, problem: result.problem});
		}

		if (performance.now() - sliceStart > sliceMilliseconds && index + 1 < total) {
			options.onProgress?.(index + 1, total);
			await yieldToEventLoop();
			sliceStart = performance.now();
		}
	}

	cache?.save();
	if (total > 0) {
		options.onProgress?.(total, total);
	}

	return finish(base, root, posts, problems, options);
}

/** Slugs made unique in path order, warnings listed as problems, drafts dropped if asked, newest first. */
function finish(base: string, label: string, posts: Post[], problems: Problem[], options: LoadOptions): Library {
	uniqueSlugs(posts);
	for (const post of posts) {
		for (const warning of post.warnings) {
			problems.push({path: post.path, absolutePath: post.absolutePath ?? post.id, problem: warning, slug: post.slug});
		}
	}

	problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const listed = options.includeDrafts === false ? posts.filter(post => !post.draft) : posts;
	return {root: base, label, posts: orderPosts(listed), problems};
}

/**
 * The folder's library as its index last saw it, read from the index alone (no file is looked at):
 * what a start can show at once while `loadLibrary` checks every file. Undefined without an index,
 * and when reading is confined (every answer is checked against the folder there).
 */
export function indexedLibrary(root: string, options: LoadOptions): Library | undefined {
	if (!options.cache || options.confine) {
		return undefined;
	}

	const base = path.resolve(root);
	const maxBytes = options.maxBytes ?? defaultMaxBytes;
	const results = indexedResults(base, maxBytes, options.cache.folder, file => () => loadFile(base, file, maxBytes));
	if (!results) {
		return undefined;
	}

	const posts: Post[] = [];
	const problems: Problem[] = [];
	for (const {absolutePath, result} of results) {
		if ('post' in result) {
			posts.push(result.post);
		} else {
			problems.push({path: toRelative(base, absolutePath), absolutePath, problem: result.problem});
		}
	}

	return finish(base, root, posts, problems, options);
}
