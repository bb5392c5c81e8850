import {randomUUID} from 'node:crypto';
import {closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import type {PositionStore} from '../ui/services.js';
import {xdgDir} from '../xdg-dir.js';

/** Where the positions of every library live: `$XDG_STATE_HOME/blog-tui/positions.json`. */
export function positionsFile(env: NodeJS.ProcessEnv, home: string = homedir()): string {
	return path.join(xdgDir(env, 'XDG_STATE_HOME', home), 'positions.json');
}

export type PositionStoreOptions = {
	file: string;
	/** The library's root folder: the same slug in two blogs is two different posts. */
	root: string;
	/** Entries kept across all libraries, the most recently read first. */
	limit?: number;
	/** Scrolling sets a position per keypress; writes wait this long for the reader to settle. */
	debounceMs?: number;
};

/** A position store backed by a file; call `close` when the reader quits so the last position is written. */
export type PersistentPositionStore = PositionStore & {
	/** Writes pending positions now. */
	flush: () => void;
	/** Flushes and stops the timer. */
	close: () => void;
	/** What went wrong with the file (corrupt, unwritable), one line each, for the CLI to print on exit. */
	warnings: () => string[];
};

type Entry = {root: string; slug: string; line: number};

const formatVersion = 1;

function keyOf(root: string, slug: string): string {
	return `${root}\u0000${slug}`;
}

function isEntry(value: unknown): value is Entry {
	if (typeof value !== 'object' || value === null) {
		return false;
	}

	const entry = value as Record<string, unknown>;
	return typeof entry['root'] === 'string' && typeof entry['slug'] === 'string' && isLine(entry['line']);
}

function isLine(value: unknown): value is number {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

type ReadResult = {entries: Map<string, Entry>; problem?: string};

/** Entries oldest first (a Map keeps insertion order), or why the file could not be used. */
/**
 * The file's text, never blocking: a FIFO or device put where the file should be would otherwise
 * hang the browser in a synchronous read, where no key or signal can reach it.
 */
function readRegularFile(file: string): string {
	const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	try {
		if (!fstatSync(fd).isFile()) {
			throw Object.assign(new Error(`${file} is not a regular file`), {code: 'not a regular file'});
		}

		return readFileSync(fd, 'utf8');
	} finally {
		closeSync(fd);
	}
}

function readEntries(file: string): ReadResult {
	let text: string;
	try {
		text = readRegularFile(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// No file yet is the normal first run; a folder where the file should be is not.
		return code === 'ENOENT' || code === 'ENOTDIR' ? {entries: new Map()} : {entries: new Map(), problem: `cannot read ${file} (${code ?? 'unknown error'})`};
	}

	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {entries: new Map(), problem: `${file} is not valid JSON`};
	}

	const positions = (data as {positions?: unknown} | null)?.positions;
	if ((data as {version?: unknown} | null)?.version !== formatVersion || !Array.isArray(positions)) {
		return {entries: new Map(), problem: `${file} is not a blog-tui positions file (version ${formatVersion})`};
	}

	const entries = new Map<string, Entry>();
	for (const entry of positions) {
		if (isEntry(entry)) {
			const key = keyOf(entry.root, entry.slug);
			entries.delete(key);
			entries.set(key, {root: entry.root, slug: entry.slug, line: entry.line});
		}
	}

	return {entries};
}

function trimmed(entries: Map<string, Entry>, limit: number): Entry[] {
	const all = [...entries.values()];
	return all.slice(Math.max(0, all.length - limit));
}

/**
 * Reading positions persisted as JSON, shared by every library read on this machine. A broken or
 * unwritable file never stops reading: positions then last only for this run, and `warnings` says why.
 */
export function createPositionStore({file, root, limit = 1000, debounceMs = 500}: PositionStoreOptions): PersistentPositionStore {
	const problems: string[] = [];
	const warn = (problem: string) => {
		if (!problems.includes(problem)) {
			problems.push(problem);
		}
	};

	const loaded = readEntries(file);
	if (loaded.problem) {
		warn(`${loaded.problem}: reading positions start afresh`);
	}

	const entries = loaded.entries;
	// Only this run's changes are written over what is on disk, so two blog-tui sessions reading
	// different posts at the same time keep each other's positions.
	const changed = new Map<string, Entry>();
	let writable = true;
	let timer: NodeJS.Timeout | undefined;

	const write = () => {
		if (changed.size === 0 || !writable) {
			return;
		}

		const onDisk = readEntries(file);
		const merged = onDisk.problem ? new Map<string, Entry>() : onDisk.entries;
		for (const [key, entry] of changed) {
			merged.delete(key);
			merged.set(key, entry);
		}

		const temporary = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
		try {
			mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
			writeFileSync(temporary, `${JSON.stringify({version: formatVersion, positions: trimmed(merged, limit)})}\n`, {mode: 0o600});
			renameSync(temporary, file);
			changed.clear();
		} catch (error) {
			try {
				rmSync(temporary, {force: true});
			} catch {}

			writable = false;
			warn(`cannot save reading positions to ${file} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}): they last only for this run`);
		}
	};

	const flush = () => {
		if (timer) {
			clearTimeout(timer);
			timer = undefined;
		}

		write();
	};

	return {
		get(slug) {
			return entries.get(keyOf(root, slug))?.line;
		},
		set(slug, line) {
			if (!isLine(line)) {
				return;
			}

			const key = keyOf(root, slug);
			if (entries.get(key)?.line === line) {
				return;
			}

			const entry = {root, slug, line};
			entries.delete(key);
			entries.set(key, entry);
			if (entries.size > limit) {
				const oldest = entries.keys().next().value;
				if (oldest !== undefined) {
					entries.delete(oldest);
				}
			}

			if (!writable) {
				return;
			}

			changed.delete(key);
			changed.set(key, entry);
			if (!timer) {
				timer = setTimeout(() => {
					timer = undefined;
					write();
				}, debounceMs);
				// A pending write must not keep the process alive; `close` flushes it on the way out.
				timer.unref();
			}
		},
		flush,
		close: flush,
		warnings: () => [...problems],
	};
}
