import {statSync} from 'node:fs';
import path from 'node:path';
import {describeFsError} from '../content/discover-files.js';
import {closestMatch} from './closest.js';
import {CliError} from './errors.js';

/** The folder or file to read, and how to name it in messages and headers. */
export type Root = {root: string; label: string; isFile: boolean};

/**
 * `path` as given; else the config file's `folder`; else `./posts` in the working folder when it is
 * a folder; else the bundled guide.
 */
export function chooseRoot(given: string | undefined, cwd: string, bundledPosts: string, configured?: {root: string; label: string}): Root {
	if (given !== undefined) {
		return checkRoot(path.resolve(cwd, given), given);
	}

	if (configured) {
		return checkRoot(configured.root, configured.label);
	}

	const local = path.join(cwd, 'posts');
	let isFolder = false;
	try {
		isFolder = statSync(local).isDirectory();
	} catch {
		// No ./posts: the bundled guide it is.
	}

	return isFolder ? checkRoot(local, './posts') : checkRoot(bundledPosts, 'the bundled guide');
}

function checkRoot(root: string, label: string): Root {
	let info;
	try {
		info = statSync(root);
	} catch (error) {
		const reason = describeFsError(error);
		// `blog-tui lsit` reads as a path; the reader meant a command.
		const command = reason !== 'does not exist' || /[/\\.]/.test(label) ? undefined : closestMatch(label, ['list', 'read', 'serve', 'help']);
		const advice = command ? `did you mean "blog-tui ${command}"?` : (reason === 'does not exist' ? 'give a folder of Markdown posts or a post file' : 'check the path and its permissions');
		throw new CliError(`${label} ${reason} — ${advice}`);
	}

	if (!info.isDirectory() && !info.isFile()) {
		throw new CliError(`${label} is not a file or folder — give a folder of Markdown posts or a post file`);
	}

	return {root, label, isFile: info.isFile()};
}
