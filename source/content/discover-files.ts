import {readdir, stat, realpath} from 'node:fs/promises';
import path from 'node:path';

export const defaultExtensions = ['md', 'markdown', 'mdx'];

export type Discovered = {files: string[]; problems: Array<{absolutePath: string; problem: string}>};

const skippedFolders = new Set(['node_modules']);

/** Finds post files under `root`, following symlinks once each so loops end. */
export async function discoverFiles(root: string, extensions: string[] = defaultExtensions): Promise<Discovered> {
	const wanted = new Set(extensions.map(extension => extension.replace(/^\./, '').toLowerCase()));
	const files: string[] = [];
	const problems: Discovered['problems'] = [];
	const seenFolders = new Set<string>();

	async function walk(folder: string): Promise<void> {
		let real: string;
		try {
			real = await realpath(folder);
		} catch (error) {
			problems.push({absolutePath: folder, problem: describeFsError(error)});
			return;
		}

		if (seenFolders.has(real)) {
			problems.push({absolutePath: folder, problem: 'symlink loop: this folder was already read'});
			return;
		}

		seenFolders.add(real);
		let entries;
		try {
			entries = await readdir(folder, {withFileTypes: true});
		} catch (error) {
			problems.push({absolutePath: folder, problem: describeFsError(error)});
			return;
		}

		entries.sort((a, b) => a.name.localeCompare(b.name));
		for (const entry of entries) {
			if (entry.name.startsWith('.') || skippedFolders.has(entry.name)) {
				continue;
			}

			const full = path.join(folder, entry.name);
			let isDirectory = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				try {
					const target = await stat(full);
					isDirectory = target.isDirectory();
					isFile = target.isFile();
				} catch (error) {
					problems.push({absolutePath: full, problem: `broken link: ${describeFsError(error)}`});
					continue;
				}
			}

			if (isDirectory) {
				await walk(full);
			} else if (isFile && wanted.has(path.extname(entry.name).slice(1).toLowerCase())) {
				files.push(full);
			}
		}
	}

	await walk(root);
	return {files, problems};
}

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

		default: {
			return error instanceof Error ? error.message : String(error);
		}
	}
}
