import {statSync} from 'node:fs';
import path from 'node:path';
import {defaultMaxBytes, loadLibrary, postFromBytes} from '../content/load-library.js';
import {formatSize} from '../content/read-file-bytes.js';
import type {Library, Post} from '../content/post.js';
import {isRemote} from '../sources/remote-url.js';
import {askTheme, type ReplyInput} from '../terminal/ask-background.js';
import {detectTheme, terminalCapabilities, terminalColumns} from '../terminal/terminal-capabilities.js';
import {chooseRoot} from './choose-root.js';
import {remoteOptions} from './choose-sources.js';
import {CliError} from './errors.js';
import {findPost} from './find-post.js';
import type {GlobalOptions} from './global-options.js';
import type {Io} from './io.js';
import {libraryOptions} from './library-options.js';
import {oneLine, problemLines} from './list-table.js';

export type ReadRequest = {
	/** A slug, a path inside the folder, a file, or `-` for standard input. */
	target: string;
	/** `--dir`: the folder to look the slug up in. */
	dir: string | undefined;
	bundledPosts: string;
	/** Standard input, read when the target is `-`; on a terminal, asked for its background by `--theme auto`. */
	stdin: NodeJS.ReadableStream & Partial<ReplyInput> & {isTTY?: boolean};
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

/**
 * `blog-tui read -`: a post piped in (`pbpaste | blog-tui read -`), read from its bytes exactly as a
 * file's are (encoding, frontmatter, repairs), with the same size limit.
 */
async function readStandardInput(stdin: ReadRequest['stdin'], io: Io): Promise<Post> {
	if (stdin.isTTY) {
		throw new CliError('read - reads a post from standard input — pipe one in, e.g. cat post.md | blog-tui read -');
	}

	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stdin) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		size += bytes.length;
		if (size > defaultMaxBytes) {
			throw new CliError(`standard input: too large: more than ${formatSize(defaultMaxBytes)} — nothing to show`);
		}

		chunks.push(bytes);
	}

	const result = postFromBytes(Buffer.concat(chunks), {id: 'standard input', path: 'stdin.md'});
	if ('problem' in result) {
		throw new CliError(`standard input: ${oneLine(result.problem)} — nothing to show`);
	}

	reportWarnings({problems: result.post.warnings.map(problem => ({path: 'standard input', absolutePath: 'standard input', problem}))}, io);
	return result.post;
}

/** `blog-tui read https://…`: a Markdown file or an article page; a feed holds many posts, so it is browsed instead. */
async function readAddress(url: string, io: Io): Promise<Post> {
	let library;
	try {
		const {readRemote} = await import('../sources/read-remote.js');
		library = await readRemote(url, remoteOptions(io.env));
	} catch (error) {
		throw new CliError(`${oneLine(url)}: ${oneLine(error instanceof Error ? error.message : String(error))} — nothing to show`);
	}

	reportWarnings(library, io);
	const [post, ...more] = library.posts;
	if (!post) {
		throw new CliError(`${oneLine(url)}: no posts in it — nothing to show`);
	}

	if (more.length > 0) {
		throw new CliError(`${oneLine(url)} is a feed of ${library.posts.length} posts — browse it with blog-tui ${oneLine(url)}, or list them with blog-tui list ${oneLine(url)}`);
	}

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
	const library = await loadLibrary(root.root, libraryOptions(options, io.env, io.stderr, 'on demand'));
	const found = findPost(library.posts, request.target);
	if (found.post) {
		reportWarnings({problems: library.problems.filter(problem => problem.absolutePath === found.post.id)}, io);
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
	if (isRemote(request.target) && request.dir === undefined) {
		return printPost(await readAddress(request.target, io), options, io, request.stdin);
	}

	const file = path.resolve(io.cwd, request.target);
	if (request.target === '-' && request.dir === undefined) {
		return printPost(await readStandardInput(request.stdin, io), options, io, undefined);
	}

	if (request.dir === undefined && isFolder(file)) {
		throw new CliError(`${oneLine(request.target)} is a folder — read takes one post; browse the folder with blog-tui ${oneLine(request.target)}`);
	}

	const post = request.dir === undefined && existingFile(file)
		? await readFile(file, request.target, io)
		: await findInFolder(request, options, io);
	await printPost(post, options, io, request.stdin);
}

/**
 * `--theme auto`: a terminal on both sides is asked (OSC 11, as the browser does), so `read` in a
 * light terminal gets the light theme without `COLORFGBG`; piped, without colour, or with the post
 * on stdin, nothing is asked.
 */
async function themeFor(options: GlobalOptions, io: Io, colorLevel: number, terminal: ReadRequest['stdin'] | undefined): Promise<'dark' | 'light'> {
	if (options.theme !== 'auto') {
		return options.theme;
	}

	if (colorLevel === 0 || io.stdout.isTTY !== true || terminal?.isTTY !== true || !terminal.read || !terminal.unshift) {
		return detectTheme(io.env);
	}

	const theme = await askTheme(terminal as ReplyInput, io.stdout, io.env);
	// The question left the terminal readable; nothing else reads it, and it must not hold the process.
	terminal.pause();
	return theme;
}

async function printPost(post: Post, options: GlobalOptions, io: Io, terminal: ReadRequest['stdin'] | undefined): Promise<void> {
	const {colorLevel, hyperlinks} = terminalCapabilities(io.env, io.stdout.isTTY === true, !options.color);
	const width = options.width ?? terminalColumns(io.env, io.stdout.columns);
	const theme = await themeFor(options, io, colorLevel, terminal);
	// On a terminal the text is capped at a reading width and centred, as in the browser; asked for
	// a width, or writing to a file or pipe, it fills exactly that width with no margin.
	const fill = options.width !== undefined || io.stdout.isTTY !== true;
	// The renderer and highlighter take a few hundred milliseconds to load: only `read` pays for them.
	const [{renderArticle}, {tuneEngine}, {loadLanguageModules}] = await Promise.all([import('../render/render-article.js'), import('../worker/tune-engine.js'), import('../worker/language-modules.js')]);
	tuneEngine();
	loadLanguageModules();
	const article = renderArticle(post, {width, theme, colorLevel, hyperlinks, ...(fill ? {readingWidth: 0} : {})});
	io.stdout.write(`${article.lines.join('\n')}\n`);
}
