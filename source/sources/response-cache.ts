import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/** The last good copy of what a source address gave, with what is needed to ask whether it changed. */
export type CachedResponse = {
	/** The address as the reader gave it. */
	url: string;
	/** Where the copy came from: the feed a site page announced, or `url` after redirects. */
	resolvedUrl: string;
	contentType: string | undefined;
	etag: string | undefined;
	lastModified: string | undefined;
	/** Milliseconds since the epoch: when the copy was last fetched or confirmed current (304). */
	fetchedAt: number;
	bytes: Buffer;
};

export type ResponseCache = {
	get: (url: string) => CachedResponse | undefined;
	/** Never throws: a cache that cannot be written only costs the offline copy. */
	set: (entry: CachedResponse) => void;
};

/** `$XDG_CACHE_HOME/blog-tui`, else `~/.cache/blog-tui`. */
export function cacheFolder(env: NodeJS.ProcessEnv): string {
	const xdg = env['XDG_CACHE_HOME'];
	return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'blog-tui');
}

function fileFor(folder: string, url: string): string {
	return path.join(folder, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`);
}

type Stored = Omit<CachedResponse, 'bytes'> & {body: string};

function read(file: string, url: string): CachedResponse | undefined {
	try {
		const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stored>;
		if (stored.url !== url || typeof stored.resolvedUrl !== 'string' || typeof stored.body !== 'string' || typeof stored.fetchedAt !== 'number') {
			return undefined;
		}

		return {
			url,
			resolvedUrl: stored.resolvedUrl,
			contentType: typeof stored.contentType === 'string' ? stored.contentType : undefined,
			etag: typeof stored.etag === 'string' ? stored.etag : undefined,
			lastModified: typeof stored.lastModified === 'string' ? stored.lastModified : undefined,
			fetchedAt: stored.fetchedAt,
			bytes: Buffer.from(stored.body, 'base64'),
		};
	} catch {
		return undefined;
	}
}

/** One JSON file per source address in `folder`, readable only by its owner, replaced atomically. */
export function fileCache(folder: string): ResponseCache {
	return {
		get: url => read(fileFor(folder, url), url),
		set(entry) {
			const file = fileFor(folder, entry.url);
			const {bytes, ...rest} = entry;
			try {
				mkdirSync(folder, {recursive: true, mode: 0o700});
				const temporary = `${file}.${process.pid}.tmp`;
				writeFileSync(temporary, JSON.stringify({...rest, body: bytes.toString('base64')}), {mode: 0o600});
				renameSync(temporary, file);
			} catch {
				// Read-only home, full disk: the reader still has what was fetched.
			}
		},
	};
}
