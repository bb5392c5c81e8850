import {createHash, randomBytes} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {bodyFrom, withLazyBody, withoutBody} from './lazy-body.js';
import type {Post} from './post.js';

/**
 * Bump when what the parsers make of a file changes (fields, outlines, warnings), so a cache written
 * by an older parser is not read. The bundle's chunk name (a hash of its content) is part of the
 * version too, so a release that forgets the bump still starts afresh.
 */
export const parserVersion = 3;
const build = path.basename(new URL(import.meta.url).pathname);

/** What reading one file gave: a post (listed, perhaps with warnings) or why it is not one. */
export type FileResult = {post: Post} | {problem: string};

type StoredPost = Omit<Post, 'body'>;
/** `unset`: the post's fields whose value is undefined (JSON drops them; a restored post has them again). */
type Stored = {key: string; post: StoredPost; unset?: string[]} | {key: string; problem: string};
type CacheFile = {parser: number; build: string; root: string; maxBytes: number; files: Record<string, Stored>};

/**
 * A file written less than this long ago may be written again within the same timestamp tick (coarse
 * file system clocks, 2 s on FAT): it is read every time until it is older, as git does with racy files.
 */
const racyMs = 2000;

/** `$XDG_CACHE_HOME/blog-tui`, falling back to `~/.cache` as the XDG spec says (a relative path is ignored). */
export function cacheFolder(env: NodeJS.ProcessEnv, home: string = homedir()): string {
	const configured = env['XDG_CACHE_HOME'];
	return path.join(configured && path.isAbsolute(configured) ? configured : path.join(home, '.cache'), 'blog-tui');
}

export type IndexCacheOptions = {
	folder: string;
	/** Told once, in a line, when the cache could not be read or written; the posts are read from disk instead. */
	onWarning?: (message: string) => void;
};

/** The file each post came from, as it was when read: unchanged posts keep their key across reads. */
const fileKeys = new WeakMap<Post, string>();

export function fileKeyOf(post: Post): string | undefined {
	return fileKeys.get(post);
}

function statKey(file: string): {key: string; racy: boolean} | undefined {
	try {
		const info = statSync(file);
		return {key: `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`, racy: Date.now() - info.mtimeMs < racyMs};
	} catch {
		return undefined;
	}
}

function isStored(value: unknown): value is Stored {
	if (typeof value !== 'object' || value === null || typeof (value as Stored).key !== 'string') {
		return false;
	}

	if ('problem' in value) {
		return typeof value.problem === 'string';
	}

	const post = (value as {post?: Partial<StoredPost>}).post;
	const {unset} = value as {unset?: unknown};
	return (unset === undefined || (Array.isArray(unset) && unset.every(name => typeof name === 'string' && name !== 'body')))
		&& typeof post === 'object' && post !== null && typeof post.slug === 'string' && typeof post.title === 'string'
		&& typeof post.path === 'string' && Array.isArray(post.tags) && Array.isArray(post.headings) && Array.isArray(post.warnings);
}

/** A cached post: a copy (the library changes slugs to make them unique, the index keeps the file's own). */
function restore(stored: StoredPost, unset: readonly string[] | undefined, readBody: () => string): Post {
	const fields = {...stored};
	for (const name of unset ?? []) {
		(fields as Record<string, unknown>)[name] = undefined;
	}

	return withLazyBody(fields, readBody);
}

/**
 * The index of one library root kept between runs: what each file gave, keyed by its size, mtime,
 * ctime and inode, so a second start reads only the files that changed. One file per root, replaced
 * whole by an atomic rename: two processes writing at once each leave a complete index, never a mix.
 */
export type IndexCache = {
	/** What `read` gives for `file`, from the cache when the file is unchanged. */
	load: (file: string, read: () => FileResult) => FileResult;
	/** Writes the index when it changed: entries for files not loaded this time are dropped. */
	save: () => void;
};

function indexFile(folder: string, root: string): string {
	return path.join(folder, `index-${createHash('sha256').update(root).digest('hex').slice(0, 32)}.json`);
}

/** The entries of the index of `root`, or none: missing, another parser's or root's (silently), or unreadable (`warn`). */
function readEntries(file: string, root: string, maxBytes: number, warn: (message: string) => void): Record<string, Stored> {
	let text: string | undefined;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			warn(`index cache ${file} could not be read (${(error as Error).message.split('\n')[0]!}); reading every post`);
		}
	}

	if (text === undefined) {
		return {};
	}

	try {
		const parsed = JSON.parse(text) as Partial<CacheFile>;
		if (typeof parsed.files !== 'object' || parsed.files === null || Array.isArray(parsed.files)) {
			throw new Error('no file table');
		}

		// Another parser's or another root's index is not wrong, only not this one's: no warning.
		return parsed.parser === parserVersion && parsed.build === build && parsed.root === root && parsed.maxBytes === maxBytes ? parsed.files : {};
	} catch (error) {
		warn(`index cache ${file} is corrupt (${(error as Error).message.split('\n')[0]!}); reading every post and writing it afresh`);
		return {};
	}
}

/**
 * What the index of `root` says its files gave, in the order they were read, without looking at any
 * file: a list to show at once while `openIndexCache` checks every file. Each post's body is read
 * from its file when asked for, by `reader(absolutePath)`. Undefined when there is no usable index
 * (any warning is `openIndexCache`'s to give).
 */
export function indexedResults(root: string, maxBytes: number, folder: string, reader: (absolutePath: string) => () => FileResult): Array<{absolutePath: string; result: FileResult}> | undefined {
	const entries = Object.entries(readEntries(indexFile(folder, root), root, maxBytes, () => undefined));
	if (entries.length === 0) {
		return undefined;
	}

	return entries.filter(([, stored]) => isStored(stored)).map(([relative, stored]) => {
		const absolutePath = path.join(root, relative);
		if ('problem' in stored) {
			return {absolutePath, result: {problem: stored.problem}};
		}

		const post = restore(stored.post, stored.unset, bodyFrom(reader(absolutePath)));
		fileKeys.set(post, stored.key);
		return {absolutePath, result: {post}};
	});
}

export function openIndexCache(root: string, maxBytes: number, options: IndexCacheOptions): IndexCache {
	const file = indexFile(options.folder, root);
	let warned = false;
	const warn = (message: string) => {
		if (!warned) {
			warned = true;
			options.onWarning?.(message);
		}
	};

	const previous = readEntries(file, root, maxBytes, warn);
	const next: Record<string, Stored> = {};
	let changed = Object.keys(previous).length === 0;

	return {
		load(absolutePath, read) {
			const relative = path.relative(root, absolutePath);
			const stat = statKey(absolutePath);
			const stored = Object.hasOwn(previous, relative) ? previous[relative] : undefined;
			if (stat && !stat.racy && stored && stored.key === stat.key && isStored(stored)) {
				next[relative] = stored;
				if ('problem' in stored) {
					return {problem: stored.problem};
				}

				const post = restore(stored.post, stored.unset, bodyFrom(read));
				fileKeys.set(post, stat.key);
				return {post};
			}

			changed = true;
			const result = read();
			if (stat) {
				if ('post' in result) {
					fileKeys.set(result.post, stat.key);
				}

				if (!stat.racy) {
					next[relative] = 'post' in result ? entryOf(stat.key, result.post) : {key: stat.key, problem: result.problem};
				}
			}

			return result;
		},
		save() {
			if (!changed && Object.keys(next).length === Object.keys(previous).length) {
				return;
			}

			const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
			try {
				mkdirSync(options.folder, {recursive: true, mode: 0o700});
				const content: CacheFile = {parser: parserVersion, build, root, maxBytes, files: next};
				writeFileSync(temporary, JSON.stringify(content), {mode: 0o600});
				renameSync(temporary, file);
			} catch (error) {
				try {
					rmSync(temporary, {force: true});
				} catch {}
				// A cache folder made read-only on purpose (a shared account, a read-only home) is a choice, not news.
				if (['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) {
					return;
				}

				warn(`index cache ${file} could not be written (${(error as Error).message.split('\n')[0]!}); the next start reads every post again`);
			}
		},
	};
}

function entryOf(key: string, post: Post): Stored {
	const rest = withoutBody(post);
	const unset = Object.keys(rest).filter(name => (rest as Record<string, unknown>)[name] === undefined);
	return unset.length > 0 ? {key, post: rest, unset} : {key, post: rest};
}
