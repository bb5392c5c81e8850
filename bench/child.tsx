/**
 * One measurement in a fresh process (bundled by `run.ts`), so figures and peak RSS do not mix.
 * Usage: child.js library <folder> | render <file> <width> | render-app <file> <width> | pager <file> | list <folder> | filter <folder>
 * Prints one line of JSON.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {Session} from 'node:inspector/promises';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {loadLibrary} from '../source/content/load-library.js';
import type {Library, Post} from '../source/content/post.js';
import type {RenderedArticle} from '../source/render/article.js';
import type {LibrarySource} from '../source/ui/services.js';
import {FakeStdin, FakeStdout, type Write} from './fake-terminal.js';

export type Step = {key: string; latencyMs: number | undefined; bytes: number; frames: number};

// Writes shorter than this are Ink's cursor and synchronised-output toggles, not frames.
const frameBytes = 100;

const [mode = '', target = '', extra = ''] = process.argv.slice(2);

function report(result: Record<string, unknown>): void {
	process.stdout.write(JSON.stringify({...result, maxRssBytes: process.resourceUsage().maxRSS * 1024}) + '\n');
}

async function renderPost(post: Post, width: number): Promise<RenderedArticle> {
	// Imported on first use, as the CLI does.
	const [{renderArticle}, {loadLanguageModules}] = await Promise.all([import('../source/render/render-article.js'), import('../source/worker/language-modules.js')]);
	loadLanguageModules();
	return renderArticle(post, {width, theme: 'dark', colorLevel: 3, hyperlinks: false});
}

async function onePost(file: string): Promise<Post> {
	const library = await loadLibrary(file);
	const post = library.posts[0];
	if (!post) {
		throw new Error(`${file} gave no post: ${JSON.stringify(library.problems)}`);
	}

	return post;
}

/** The first write from index `from` on that passes `test`. */
async function waitForWrite(stdout: FakeStdout, from: number, test: (write: Write) => boolean = write => write.bytes > frameBytes, limitMs = 60_000): Promise<Write> {
	const start = performance.now();
	while (performance.now() - start < limitMs) {
		const found = stdout.writes.slice(from).find(write => test(write));
		if (found) {
			return found;
		}

		await delay(5);
	}

	throw new Error('no frame was written');
}

/** Waits until nothing has been written for `quietMs` (or `limitMs` passed). */
async function quiet(stdout: FakeStdout, quietMs: number, limitMs = 60_000): Promise<void> {
	const start = performance.now();
	while (performance.now() - start < limitMs) {
		const last = stdout.writes.at(-1)?.at ?? start;
		if (performance.now() - last >= quietMs) {
			return;
		}

		await delay(20);
	}
}

/**
 * Presses each key in turn, as a person does: the next key `gapMs` after this one, or as soon as this
 * one's frame is written if that takes longer. Notes the first write after each key (its frame) and
 * every byte written until the next key.
 */
async function press(stdin: FakeStdin, stdout: FakeStdout, keys: string[], gapMs: number): Promise<Step[]> {
	const steps: Step[] = [];
	for (const key of keys) {
		const before = stdout.writes.length;
		const at = performance.now();
		stdin.press(key);
		while (stdout.writes.length === before && performance.now() - at < 2000) {
			await delay(1);
		}

		await delay(Math.max(0, gapMs - (performance.now() - at)));
		const writes = stdout.writes.slice(before);
		steps.push({key, latencyMs: writes[0] ? writes[0].at - at : undefined, bytes: writes.reduce((sum, write) => sum + write.bytes, 0), frames: writes.filter(write => write.bytes > frameBytes).length});
	}

	return steps;
}

/**
 * With BENCH_PROFILE=<file>, records a CPU profile of `work` alone (the measured phase, without the
 * set-up), for finding where a missed target's time goes; BENCH_PROFILE_INTERVAL sets the sampling
 * interval in microseconds (default 1000; 100–250 to see a cold first render's short functions).
 */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
	const file = process.env['BENCH_PROFILE'];
	if (!file) {
		return work();
	}

	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', {interval: Number(process.env['BENCH_PROFILE_INTERVAL'] ?? 1000)});
	await session.post('Profiler.start');
	const result = await work();
	const {profile} = await session.post('Profiler.stop');
	writeFileSync(file, JSON.stringify(profile));
	session.disconnect();
	return result;
}

/** Draws the real App on a fake 100×30 terminal. Ink and React load only here, so they do not count in the library's and renderer's RSS. */
async function mount(source: LibrarySource, loadArticle: (post: Post, width: number) => Promise<RenderedArticle>) {
	const [{render}, {App}] = await Promise.all([import('ink'), import('../source/ui/App.js')]);
	const stdout = new FakeStdout(100, 30);
	const stdin = new FakeStdin();
	const instance = render(<App source={source} loadArticle={loadArticle}/>, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {stdout, stdin, instance};
}

/** A library that never changes, shaped as the App's source. */
function fixed(library: Library): LibrarySource {
	return {current: () => library, subscribe: () => () => undefined};
}

const gapMs = 50;

switch (mode) {
	case 'library': {
		const start = performance.now();
		const library = await profiled(async () => loadLibrary(target));
		report({ms: performance.now() - start, posts: library.posts.length, problems: library.problems.length});
		break;
	}

	case 'render': {
		const post = await onePost(target);
		const start = performance.now();
		// Imported on first use and the engine set up for rendering, as `blog-tui read` does; timed apart from rendering.
		const [{renderArticle}, {tuneEngine}, {loadLanguageModules}] = await Promise.all([import('../source/render/render-article.js'), import('../source/worker/tune-engine.js'), import('../source/worker/language-modules.js')]);
		tuneEngine();
		loadLanguageModules();
		const imported = performance.now();
		const article = await profiled(async () => renderArticle(post, {width: Number(extra), theme: 'dark', colorLevel: 3, hyperlinks: false}));
		report({importMs: imported - start, ms: performance.now() - imported, lines: article.lines.length, bytes: Buffer.byteLength(readFileSync(target))});
		break;
	}

	case 'render-app': {
		// The CLI's path: the article loader's worker, warmed up as the CLI starts it, then one post
		// sent there and its lines sent back.
		const post = await onePost(target);
		const {createArticleLoader} = await import('../source/worker/article-loader.js');
		const start = performance.now();
		const loader = createArticleLoader({theme: 'dark', colorLevel: 3, hyperlinks: false, warmUpAfterMs: 0});
		// The loader's worker does not keep a process alive; Ink does in the CLI.
		const alive = setInterval(() => undefined, 1000);
		const warmUpSteps = await loader.whenWarm();
		const warm = performance.now();
		const article = await loader(post, Number(extra));
		clearInterval(alive);
		report({warmUpMs: warm - start, warmUpSteps, ms: performance.now() - warm, lines: article.lines.length, notice: article.notice});
		loader.close();
		break;
	}

	case 'pager': {
		const post = await onePost(target);
		// The CLI's own loader (rendering in a worker), noting when the article arrives.
		const {createArticleLoader} = await import('../source/worker/article-loader.js');
		const loader = createArticleLoader({theme: 'dark', colorLevel: 3, hyperlinks: false, warmUpAfterMs: 0});
		let arrivedAt = Number.POSITIVE_INFINITY;
		const loadArticle = async (post: Post, width: number) => {
			const article = await loader(post, width);
			arrivedAt = Math.min(arrivedAt, performance.now());
			return article;
		};

		const {stdout, stdin, instance} = await mount(fixed({root: target, label: 'bench', posts: [post], problems: []}), loadArticle);
		// A reader looks at the list for a moment first: the worker starts and warms up meanwhile, as in the CLI.
		await loader.whenWarm();
		await quiet(stdout, 200);
		const beforeOpen = stdout.writes.length;
		const opened = performance.now();
		stdin.press('\r');
		const shown = await waitForWrite(stdout, beforeOpen, write => write.bytes > frameBytes && write.at >= arrivedAt);
		const openMs = shown.at - opened;
		await quiet(stdout, 300);
		await press(stdin, stdout, Array.from({length: 10}, () => 'j'), gapMs);
		const {lines, pages} = await profiled(async () => ({
			lines: await press(stdin, stdout, Array.from({length: 60}, () => 'j'), gapMs),
			pages: await press(stdin, stdout, Array.from({length: 20}, () => ' '), gapMs),
		}));
		instance.unmount();
		loader.close();
		// One screen: the largest single frame written while the article was shown.
		const screenBytes = Math.max(0, ...stdout.writes.slice(beforeOpen).map(write => write.bytes));
		report({openMs, screenBytes, lines, pages});
		break;
	}

	case 'list': {
		const library = await loadLibrary(target);
		const {stdout, stdin, instance} = await mount(fixed(library), renderPost);
		await quiet(stdout, 1500);
		// Let idle-time preparation finish, as it would while a reader looks at the first screen.
		await delay(1000);
		await press(stdin, stdout, Array.from({length: 10}, () => 'j'), gapMs);
		const steps = await profiled(async () => press(stdin, stdout, [...Array.from({length: 40}, () => 'j'), ...Array.from({length: 40}, () => 'k')], gapMs));
		instance.unmount();
		report({posts: library.posts.length, steps});
		break;
	}

	case 'filter': {
		// The fuzzy filter's keys on a big list: each typed letter's frame (the query echoed, the list
		// narrowed once typing pauses), then a full-text search: from its last key to the frame that answers.
		const library = await loadLibrary(target);
		const {stdout, stdin, instance} = await mount(fixed(library), renderPost);
		await quiet(stdout, 1500);
		await delay(1000);
		const typed = [...'terminal cache'];
		const steps = await press(stdin, stdout, ['/', ...typed, ...typed.map(() => '\u007F'), '\u001B'], gapMs);
		await quiet(stdout, 500);
		stdout.keepText = true;
		await press(stdin, stdout, ['F'], gapMs);
		const term = [...'worker stream'];
		await press(stdin, stdout, term.slice(0, -1), gapMs);
		const before = stdout.writes.length;
		const last = performance.now();
		stdin.press(term.at(-1)!);
		const answer = await waitForWrite(stdout, before, write => / in [\d,]+ posts?|no matches/.test(write.text ?? ''));
		instance.unmount();
		report({posts: library.posts.length, steps, searchMs: answer.at - last});
		break;
	}

	default: {
		throw new Error(`unknown mode ${mode}`);
	}
}

process.exit(0);
