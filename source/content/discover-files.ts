import {isUtf8} from 'node:buffer';
import {readdir, realpath, stat} from 'node:fs/promises';
import path from 'node:path';

export const defaultExtensions = ['md', 'markdown', 'mdx'];

export type Discovered = {files: string[]; problems: Array<{absolutePath: string; problem: string}>};

export type DiscoverOptions = {
	/** Only what really lies inside the root: a link whose target is outside it is reported, not followed (`serve`). */
	confine?: boolean;
};

export const leavesFolder = 'link leads outside the folder: not served';

/** Whether the real (symlink-free) path `real` is `realRoot` or lies below it. */
export function isInside(realRoot: string, real: string): boolean {
	return real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep);
}

const skippedFolders = new Set(['node_modules']);

export function describeFsError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	switch (code) {
		case 'ENOENT': {
			return 'does not exist';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'ELOOP': {
			return 'symlink loop';
		}

		case 'EISDIR': {
			return 'a folder, not a file';
		}

		case 'ENAMETOOLONG': {
			return 'path too long';
		}

		case 'ENOSPC': {
			return 'no space left on device';
		}

		case 'EIO': {
			return 'input/output error';
		}

		default: {
			return error instanceof Error ? error.message.split('\n')[0]! : String(error);
		}
	}
}

/** A file name as text: its valid UTF-8 as it is, each byte that is not as `\xNN`. */
export function escapeFileName(bytes: Uint8Array): string {
	let text = '';
	let index = 0;
	while (index < bytes.length) {
		let length = 1;
		while (length <= 4 && !isUtf8(bytes.subarray(index, index + length))) {
			length++;
		}

		if (length > 4) {
			text += `\\x${bytes[index]!.toString(16).toUpperCase().padStart(2, '0')}`;
			index++;
		} else {
			text += Buffer.from(bytes.subarray(index, index + length)).toString('utf8');
			index += length;
		}
	}

	return text;
}

/**
 * Node hands out names that are not UTF-8 with U+FFFD in place of the bad bytes, a path that then
 * names no file. Those are found again as bytes, to report as what they are rather than "does not exist".
 */
async function undecodableNames(folder: string, wanted: ReadonlySet<string>): Promise<{escaped: string[]; lossy: Set<string>}> {
	const escaped: string[] = [];
	const lossy = new Set<string>();
	const genuine = new Set<string>();
	for (const entry of await readdir(folder, {withFileTypes: true, encoding: 'buffer'})) {
		const bytes = entry.name as unknown as Buffer;
		if (isUtf8(bytes)) {
			genuine.add(bytes.toString('utf8'));
			continue;
		}

		lossy.add(bytes.toString('utf8'));
		const name = escapeFileName(bytes);
		if (!name.startsWith('.') && (entry.isDirectory() || wanted.has(path.extname(name).slice(1).toLowerCase()))) {
			escaped.push(name);
		}
	}

	// A name that really holds U+FFFD is read as usual.
	for (const name of genuine) {
		lossy.delete(name);
	}

	return {escaped, lossy};
}

/**
 * Finds post files under `root` (sorted by path), skipping hidden folders and `node_modules`.
 * Symlinks are followed, but a link back into a folder being read is reported as a loop, a link
 * to a folder or file already read is skipped, and a broken link is reported. With `confine`, a link
 * that leads out of the root is reported instead of followed.
 */
export async function discoverFiles(root: string, extensions: readonly string[] = defaultExtensions, options: DiscoverOptions = {}): Promise<Discovered> {
	const wanted = new Set(extensions.map(extension => extension.replace(/^\./, '').toLowerCase()));
	const files: string[] = [];
	const problems: Discovered['problems'] = [];
	const readFolders = new Set<string>();
	const readFiles = new Set<string>();

	async function walk(folder: string, realFolder: string, ancestors: ReadonlySet<string>): Promise<void> {
		readFolders.add(realFolder);
		let entries;
		try {
			entries = await readdir(folder, {withFileTypes: true});
		} catch (error) {
			problems.push({absolutePath: folder, problem: describeFsError(error)});
			return;
		}

		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		let undecodable: ReadonlySet<string> = new Set();
		if (entries.some(entry => entry.name.includes('\uFFFD'))) {
			try {
				const {escaped, lossy} = await undecodableNames(folder, wanted);
				for (const name of escaped) {
					problems.push({absolutePath: path.join(folder, name), problem: 'file name is not valid UTF-8: rename it to read it'});
				}

				undecodable = lossy;
			} catch (error) {
				problems.push({absolutePath: folder, problem: describeFsError(error)});
			}
		}

		const inside = new Set(ancestors).add(realFolder);
		for (const entry of entries) {
			if (entry.name.startsWith('.') || skippedFolders.has(entry.name) || undecodable.has(entry.name)) {
				continue;
			}

			const full = path.join(folder, entry.name);
			let isDirectory = entry.isDirectory();
			let isFile = entry.isFile();
			let real = path.join(realFolder, entry.name);
			if (entry.isSymbolicLink()) {
				try {
					const target = await stat(full);
					isDirectory = target.isDirectory();
					isFile = target.isFile();
					real = await realpath(full);
				} catch (error) {
					const reason = describeFsError(error);
					problems.push({absolutePath: full, problem: reason === 'does not exist' ? 'broken link: its target does not exist' : reason});
					continue;
				}

				if (options.confine && !isInside(realRoot, real)) {
					problems.push({absolutePath: full, problem: leavesFolder});
					continue;
				}
			}

			if (isDirectory) {
				if (inside.has(real)) {
					problems.push({absolutePath: full, problem: 'symlink loop: links back to a folder that contains it'});
				} else if (!readFolders.has(real)) {
					await walk(full, real, inside);
				}
			} else if (isFile && wanted.has(path.extname(entry.name).slice(1).toLowerCase()) && !readFiles.has(real)) {
				readFiles.add(real);
				files.push(full);
			}
		}
	}

	let realRoot: string;
	try {
		realRoot = await realpath(root);
	} catch (error) {
		return {files, problems: [{absolutePath: root, problem: describeFsError(error)}]};
	}

	await walk(root, realRoot, new Set());
	return {files, problems};
}
