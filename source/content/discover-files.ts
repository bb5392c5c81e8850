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

		default: {
			return error instanceof Error ? error.message.split('\n')[0]! : String(error);
		}
	}
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
		const inside = new Set(ancestors).add(realFolder);
		for (const entry of entries) {
			if (entry.name.startsWith('.') || skippedFolders.has(entry.name)) {
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
