import {loadLibrary} from '../content/load-library.js';
import type {Library, Post, Problem} from '../content/post.js';
import type {GlobalOptions} from './global-options.js';
import type {Io} from './io.js';
import {libraryOptions} from './library-options.js';
import {listJson, stringifyJson} from './list-json.js';
import {listTable, problemLines} from './list-table.js';
import {openSources} from '../sources/library-sources.js';
import {remoteOptions, type Target} from './choose-sources.js';
import {selectPosts} from './select-posts.js';
import {terminalCapabilities, terminalColumns} from '../terminal/terminal-capabilities.js';

export type ListRequest = {json: boolean; tags: readonly string[]};

/** Everything the target holds, read once. */
export async function loadTarget(target: Target, options: GlobalOptions, io: Pick<Io, 'env' | 'stderr'>): Promise<Library> {
	if (target.kind === 'root') {
		return loadLibrary(target.root.root, libraryOptions(options, io.env, io.stderr, 'on demand'));
	}

	const sources = openSources(target.specs, {watch: false, remote: remoteOptions(io.env)});
	try {
		return await sources.ready;
	} finally {
		sources.close();
	}
}

/**
 * `blog-tui list`: the table on stdout with unreadable files on stderr, or everything as one JSON
 * array on stdout. Exits 0 whenever the folder could be read, problems or not.
 */
export async function listCommand(target: Target, request: ListRequest, options: GlobalOptions, io: Io): Promise<void> {
	const library = await loadTarget(target, options, io);
	const root = target.kind === 'root' ? target.root : {label: target.label};
	const posts = selectPosts(library.posts, {tags: request.tags, drafts: options.drafts});
	if (request.json) {
		io.stdout.write(`${stringifyJson(listJson(posts, library.problems))}\n`);
		return;
	}

	printTable(posts, library.problems, options, io);
	if (posts.length === 0) {
		io.stderr.write(`blog-tui: ${emptyMessage(root, request, library.posts.filter(post => post.draft).length, options)}\n`);
	}
}

function emptyMessage(root: {label: string}, request: ListRequest, drafts: number, options: GlobalOptions): string {
	if (request.tags.length > 0) {
		return `no posts tagged ${request.tags.join(' and ')} in ${root.label}${drafts > 0 && !options.drafts ? ' — drafts are hidden; --drafts shows them' : ''}`;
	}

	if (drafts > 0 && !options.drafts) {
		return `no published posts in ${root.label} — ${drafts} draft${drafts === 1 ? ' is' : 's are'} hidden; add --drafts to list ${drafts === 1 ? 'it' : 'them'}`;
	}

	return `no posts in ${root.label} — add Markdown files (${options.extensions.map(extension => `.${extension}`).join(', ')}), or --ext for others`;
}

function printTable(posts: readonly Post[], problems: readonly Problem[], options: GlobalOptions, io: Io): void {
	const {colorLevel} = terminalCapabilities(io.env, io.stdout.isTTY === true, !options.color);
	const width = options.width ?? terminalColumns(io.env, io.stdout.columns);
	const rows = listTable(posts, {width, colorLevel});
	if (rows.length > 0) {
		io.stdout.write(`${rows.join('\n')}\n`);
	}

	const warnings = problemLines(problems);
	if (warnings.length > 0) {
		io.stderr.write(`${warnings.join('\n')}\n`);
	}
}
