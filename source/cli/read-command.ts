import {statSync} from 'node:fs';
import path from 'node:path';
import {loadLibrary} from '../content/load-library.js';
import type {Library, Post} from '../content/post.js';
import {chooseRoot} from './choose-root.js';
import {CliError} from './errors.js';
import {findPost} from './find-post.js';
import type {GlobalOptions} from './global-options.js';
import type {Io} from './io.js';
import {oneLine, problemLines} from './list-table.js';
import {detectTheme, terminalCapabilities, terminalColumns} from './terminal-capabilities.js';

export type ReadRequest = {
	/** A slug, a path inside the folder, or a file. */
	target: string;
	/** `--dir`: the folder to look the slug up in. */
	dir: string | undefined;
	bundledPosts: string;
};

function existingFile(file: string): boolean {
	try {
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

function isFolder(file: string): boolean {
	try {
		return statSync(file).isDirectory();
	} catch {
		return false;
	}
}

/** Written like a file name rather than a slug: has a folder part or a post extension. */
function looksLikePath(target: string, extensions: readonly string[]): boolean {
	return /[/\\]/.test(target) || extensions.some(extension => target.toLowerCase().endsWith(`.${extension}`));
}

async function readFile(file: string, label: string, io: Io): Promise<Post> {
	const library = await loadLibrary(file);
	const post = library.posts[0];
	if (!post) {
		const reason = library.problems[0]?.problem ?? 'not a post';
		throw new CliError(`${oneLine(label)}: ${oneLine(reason)} — nothing to show`);
	}

	reportWarnings(library, io);
	return post;
}

function reportWarnings(library: Pick<Library, 'problems'>, io: Io): void {
	const lines = problemLines(library.problems);
	if (lines.length > 0) {
		io.stderr.write(`${lines.join('\n')}\n`);
	}
}

async function findInFolder(request: ReadRequest, options: GlobalOptions, io: Io): Promise<Post> {
	const root = chooseRoot(request.dir, io.cwd, request.bundledPosts);
	const library = await loadLibrary(root.root, {extensions: options.extensions});
	const found = findPost(library.posts, request.target);
	if (found.post) {
		reportWarnings({problems: library.problems.filter(problem => problem.absolutePath === found.post.absolutePath)}, io);
		return found.post;
	}

	if (request.dir === undefined && looksLikePath(request.target, options.extensions)) {
		throw new CliError(`${oneLine(request.target)} does not exist — give a post file, or a slug from blog-tui list`);
	}

	const advice = found.suggestion === undefined
		? `see the slugs with blog-tui list${request.dir === undefined ? '' : ` ${request.dir}`}`
		: `did you mean "${found.suggestion}"?`;
	throw new CliError(`no post "${oneLine(request.target)}" in ${oneLine(root.label)} — ${advice}`);
}

/**
 * `blog-tui read`: one post rendered to stdout — styled for a terminal (or with `FORCE_COLOR`),
 * plain text without a single escape byte when piped, so `| less -R` and `> file` both work.
 */
export async function readCommand(request: ReadRequest, options: GlobalOptions, io: Io): Promise<void> {
	const file = path.resolve(io.cwd, request.target);
	if (request.dir === undefined && isFolder(file)) {
		throw new CliError(`${oneLine(request.target)} is a folder — read takes one post; browse the folder with blog-tui ${oneLine(request.target)}`);
	}

	const post = request.dir === undefined && existingFile(file)
		? await readFile(file, request.target, io)
		: await findInFolder(request, options, io);
	const {colorLevel, hyperlinks} = terminalCapabilities(io.env, io.stdout.isTTY === true, !options.color);
	const width = options.width ?? terminalColumns(io.env, io.stdout.columns);
	const theme = options.theme === 'auto' ? detectTheme(io.env) : options.theme;
	// On a terminal the text is capped at a reading width and centred, as in the browser; asked for
	// a width, or writing to a file or pipe, it fills exactly that width with no margin.
	const fill = options.width !== undefined || io.stdout.isTTY !== true;
	// The renderer and highlighter take a few hundred milliseconds to load: only `read` pays for them.
	const {renderArticle} = await import('../render/render-article.js');
	const article = renderArticle(post, {width, theme, colorLevel, hyperlinks, ...(fill ? {readingWidth: 0} : {})});
	io.stdout.write(`${article.lines.join('\n')}\n`);
}
