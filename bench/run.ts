/**
 * `npm run bench`: measures what readers feel, prints one table and appends it to bench/RESULTS.md.
 * Runs after `npm run build`. Whole-process figures run the built CLI against a floor measured in
 * the same run, in turn (a b a b …); the rest use a bundle of `child.tsx`. `npm run bench -- read list`
 * runs only those parts: startup, read, list, cache, big (100,000 posts), library, render, pager, keys,
 * serve, peers (BENCH_SERVE_SESSIONS=10,50 sets serve's session counts; default 10,200).
 * `npm run bench -- serve-abuse [attack]` runs only `bench/serve-abuse.ts`.
 */
import {execFileSync, spawn} from 'node:child_process';
import {appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {bundleChild} from './bundle.js';
import type {Step} from './child.js';
import {generatePost, writePosts} from './generate.js';
import {measureServe} from './serve.js';
import {serveAbuse} from './serve-abuse.js';
import {measureStartup, runInPty} from './startup.js';
import {formatBytes, formatMs, median, percentile} from './stats.js';
import {pair, rawReads, type Whole} from './whole.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);

type Row = {figure: string; value: string; target: string; met: boolean | undefined};
const rows: Row[] = [];

function row(figure: string, value: string, target = '', met?: boolean): void {
	rows.push({figure, value, target, met});
	process.stderr.write(`  ${figure}: ${value}\n`);
}

function runChild(child: string, args: string[]): Promise<Record<string, unknown>> {
	return new Promise((resolve, reject) => {
		const spawned = spawn(process.execPath, [child, ...args], {env: {...process.env, CI: 'false'}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		spawned.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		spawned.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		spawned.on('exit', code => {
			const line = stdout.trim().split('\n').at(-1) ?? '';
			if (code === 0 && line.startsWith('{')) {
				resolve(JSON.parse(line) as Record<string, unknown>);
			} else {
				reject(new Error(`child ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
			}
		});
	});
}

async function repeat(child: string, args: string[], times: number): Promise<Array<Record<string, unknown>>> {
	const results = [];
	for (let index = 0; index < times; index++) {
		results.push(await runChild(child, args));
	}

	return results;
}

const numbers = (results: Array<Record<string, unknown>>, key: string) => results.map(result => Number(result[key]));

function timeCommand(command: string, args: string[]): number {
	const start = performance.now();
	execFileSync(command, args, {stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 64 * 1024 * 1024});
	return performance.now() - start;
}

function hasCommand(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

async function startup(): Promise<void> {
	const cli = path.join(root, 'dist', 'cli.js');
	const posts = path.join(root, 'posts');
	// The CLI's own listing names the post the list shows first: its title on screen means the list is drawn.
	const listed = JSON.parse(execFileSync(process.execPath, [cli, 'list', '--json', posts], {encoding: 'utf8'})) as Array<{title: string}>;
	const listText = listed[0]?.title.slice(0, 30);
	const result = await measureStartup(cli, posts, listText, 9);
	const baseline = median(result.baselineMs);
	const firstFrame = median(result.firstFrameMs);
	const listFrame = median(result.listFrameMs);
	row('start-up: node -e 0 (pty, to exit)', formatMs(baseline));
	row('start-up: first frame', `${formatMs(firstFrame)} = ${(firstFrame / baseline).toFixed(1)}×`, '≤ 3.5× node -e 0', firstFrame / baseline <= 3.5);
	row(`start-up: list frame (${listed.length} bundled posts)`, `${formatMs(listFrame)} = ${(listFrame / baseline).toFixed(1)}×`, '≤ 3.5× node -e 0', listFrame / baseline <= 3.5);
	if (result.notQuit > 0) {
		row('start-up: runs that did not quit on q within 10 s', String(result.notQuit), '0', false);
	}

	row(
		'start-up: renderer loaded before list',
		result.loadedBeforeList.length === 0 ? `no (${result.modulesBeforeList} modules loaded)` : `yes: ${result.loadedBeforeList.slice(0, 3).join(', ')}`,
		'no marked / highlight.js',
		result.loadedBeforeList.length === 0,
	);
}

async function library(child: string, scratch: string): Promise<void> {
	for (const [count, times] of [[1000, 5], [10_000, 3]] as const) {
		const folder = postsFolder(scratch, count);
		const results = await repeat(child, ['library', folder], times);
		const posts = Number(results[0]?.['posts']);
		if (posts !== count) {
			throw new Error(`library of ${count} files gave ${posts} posts`);
		}

		const ms = median(numbers(results, 'ms'));
		const rss = median(numbers(results, 'maxRssBytes'));
		const big = count === 10_000;
		row(`library: index ${count.toLocaleString('en')} posts, time`, formatMs(ms), big ? '≤ 1 s' : '', big ? ms <= 1000 : undefined);
		row(`library: index ${count.toLocaleString('en')} posts, peak RSS`, formatBytes(rss), big ? '≤ 300 MB' : '', big ? rss <= 300 * 1024 * 1024 : undefined);
	}
}

/**
 * Rendering a 1 MB post two ways: cold (a fresh process's first render, the renderer's own speed) and
 * the CLI's way (in the article loader's worker, warmed up while the list is shown, the post sent
 * there and its lines sent back), which is what a reader waits for.
 */
async function render(child: string, article: string): Promise<void> {
	const cold = await repeat(child, ['render', article, '100'], 3);
	const app = await repeat(child, ['render-app', article, '100'], 3);
	const coldMs = median(numbers(cold, 'ms'));
	const appMs = median(numbers(app, 'ms'));
	row('render: 1 MB post, width 100, colour: cold, first render in a process', `${formatMs(coldMs)} (${Number(cold[0]?.['lines']).toLocaleString('en')} lines)`, '≤ 0.5 s', coldMs <= 500);
	row('render: the same in the CLI\'s worker, warmed up (post there, lines back)', formatMs(appMs), '≤ 0.5 s', appMs <= 500);
	row(`render: the worker's warm-up (${String(app[0]?.['warmUpSteps'])} small renders, once, while the list shows)`, formatMs(median(numbers(app, 'warmUpMs'))));
	row('render: importing the renderer (first open only)', formatMs(median(numbers(cold, 'importMs'))));
	row('render: peak RSS (whole process, cold)', formatBytes(median(numbers(cold, 'maxRssBytes'))));
	if (!hasCommand('lowdown')) {
		row('render: lowdown -tterm', 'lowdown not installed', '', undefined);
		row('render: ratio to lowdown', 'not measured (lowdown not installed)', '≤ 8×', undefined);
		return;
	}

	const lowdown = median(Array.from({length: 5}, () => timeCommand('lowdown', ['-tterm', '--term-width=100', article])));
	row('render: lowdown -tterm, same file (whole process)', formatMs(lowdown));
	row('render: ratio to lowdown, cold', `${(coldMs / lowdown).toFixed(1)}×`, '≤ 8×', coldMs / lowdown <= 8);
	row('render: ratio to lowdown, CLI\'s worker', `${(appMs / lowdown).toFixed(1)}×`, '≤ 8×', appMs / lowdown <= 8);
}

function keyRows(name: string, steps: Step[], screenBytes?: number): void {
	const latencies = steps.flatMap(step => (step.latencyMs === undefined ? [] : [step.latencyMs]));
	const missing = steps.length - latencies.length;
	const p95 = percentile(latencies, 95);
	row(`${name}: key → frame, median`, formatMs(median(latencies)));
	row(`${name}: key → frame, p95`, `${formatMs(p95)}${missing > 0 ? ` (${missing} of ${steps.length} keys drew nothing)` : ''}`, '≤ 16 ms', p95 <= 16 && missing === 0);
	if (screenBytes !== undefined) {
		const bytes = median(steps.map(step => step.bytes));
		const most = Math.max(...steps.map(step => step.bytes));
		const frames = Math.max(...steps.map(step => step.frames));
		row(
			`${name}: bytes per key, median (max)`,
			`${formatBytes(bytes)} (${formatBytes(most)}), at most ${frames} frame${frames === 1 ? '' : 's'} per key`,
			`≤ one screen: 1 frame (largest ${formatBytes(screenBytes)})`,
			frames <= 1,
		);
	}
}

async function pager(child: string, article: string): Promise<void> {
	const result = await runChild(child, ['pager', article]);
	const screenBytes = Number(result['screenBytes']);
	row('pager: open a 1 MB post (enter → article frame, warmed worker)', formatMs(Number(result['openMs'])));
	keyRows('pager: j on a 1 MB post', result['lines'] as Step[], screenBytes);
	keyRows('pager: space on a 1 MB post', result['pages'] as Step[], screenBytes);
}

async function list(child: string, scratch: string): Promise<void> {
	const result = await runChild(child, ['list', postsFolder(scratch, 10_000)]);
	keyRows(`list: j/k with ${Number(result['posts']).toLocaleString('en')} posts`, result['steps'] as Step[]);
}

async function serve(scratch: string): Promise<void> {
	if (!existsSync(path.join(root, 'source', 'serve', 'serve.ts'))) {
		row('serve: 200 sessions, key → output p95, RSS/session', 'not measured (serve not available)', '≤ 50 ms, ≤ 5 MB', undefined);
		return;
	}

	const cli = path.join(root, 'dist', 'cli.js');
	const posts = path.join(root, 'posts');
	const listed = JSON.parse(execFileSync(process.execPath, [cli, 'list', '--json', posts], {encoding: 'utf8'})) as Array<{title: string}>;
	// BENCH_SERVE_SESSIONS=10,50: fewer sessions where the machine cannot hold 200 (the targets are for 200).
	const counts = (process.env['BENCH_SERVE_SESSIONS'] ?? '10,200').split(',').map(Number).filter(count => count > 0);
	const rounds = await measureServe(cli, posts, listed[0]?.title.slice(0, 30) ?? 'blog-tui', scratch, counts, 10);
	for (const {sessions, latenciesMs, unanswered, rssPerSessionBytes, failed} of rounds) {
		const p95 = percentile(latenciesMs, 95);
		const big = sessions === 200;
		const notes = [failed > 0 ? `${failed} sessions failed` : '', unanswered > 0 ? `${unanswered} keys unanswered in 1 s` : ''].filter(Boolean).join(', ');
		row(`serve: ${sessions} sessions, key → output, median / p95`, `${formatMs(median(latenciesMs))} / ${formatMs(p95)}${notes ? ` (${notes})` : ''}`, big ? '≤ 50 ms p95' : '', big ? p95 <= 50 && failed === 0 && unanswered === 0 : undefined);
		row(`serve: ${sessions} sessions, server RSS per session`, formatBytes(rssPerSessionBytes), big ? '≤ 5 MB' : '', big ? rssPerSessionBytes <= 5 * 1024 * 1024 : undefined);
	}
}

function table(): string {
	const header = ['figure', 'value', 'target', 'met'];
	const body = rows.map(({figure, value, target, met}) => [figure, value, target, met === undefined ? '' : (met ? 'met' : 'MISSED')]);
	const widths = header.map((_, column) => Math.max(...[header, ...body].map(cells => cells[column]!.length)));
	const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
	return [line(header), `|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`, ...body.map(cells => line(cells))].join('\n');
}

function describeMachine(): string {
	const cpus = os.cpus();
	let commit = 'unknown';
	try {
		commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--', 'source', 'package.json'], {cwd: root, encoding: 'utf8'}).trim() !== '';
		commit += dirty ? ' + uncommitted changes' : '';
	} catch {}

	return `Node ${process.version}, ${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} cores), load ${os.loadavg()[0]!.toFixed(1)}, commit ${commit}`;
}


const cli = path.join(root, 'dist', 'cli.js');
const node = process.execPath;
const ratio = (value: number) => `${value.toFixed(1)}×`;

/** `count` generated posts, written once per bench run and dated an hour back: the index cache never trusts files written in the last seconds. */
const folders = new Map<number, string>();
function postsFolder(scratch: string, count: number): string {
	let folder = folders.get(count);
	if (!folder) {
		folder = path.join(scratch, `posts-${count}`);
		process.stderr.write(`  (writing ${count.toLocaleString('en')} posts)\n`);
		writePosts(folder, count);
		const then = new Date(Date.now() - 3_600_000);
		for (const entry of readdirSync(folder, {withFileTypes: true, recursive: true})) {
			if (entry.isFile()) {
				utimesSync(path.join(entry.parentPath, entry.name), then, then);
			}
		}

		folders.set(count, folder);
	}

	return folder;
}

/** The title the CLI's list shows first: on screen, the whole list is drawn (while indexing, only progress is). */
function firstTitle(folder: string, env: Record<string, string> = {}): string {
	const listed = JSON.parse(execFileSync(node, [cli, 'list', '--json', '--no-cache', folder], {encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: {...process.env, ...env}})) as Array<{title?: string}>;
	return listed[0]?.title?.slice(0, 30) ?? '';
}

const nodeStart: Whole = {argv: [node, '-e', '0'], to: 'pty'};

/** `read` of a 1 MB post as a whole process, to a pipe and to a terminal, against lowdown doing the same. */
async function readWhole(article: string): Promise<void> {
	if (!hasCommand('lowdown')) {
		row('read: 1 MB post vs lowdown -tterm', 'not measured (lowdown not installed: apt-get install lowdown)', '≤ 6×', undefined);
		return;
	}

	for (const to of ['pipe', 'pty'] as const) {
		const measured = await pair({argv: [node, cli, 'read', article, '--width', '100'], to}, {argv: ['lowdown', '-tterm', '--term-width=100', article], to}, 7);
		row(`read: 1 MB post to a ${to}, whole process (lowdown -tterm ${formatMs(measured.bMs)})`, `${formatMs(measured.aMs)} = ${ratio(measured.ratio)} lowdown`, '≤ 6× lowdown', measured.ratio <= 6);
	}
}

/** Other renderers on the same 1 MB post, each to a pipe, against `blog-tui read` in the same run. */
async function peers(article: string, scratch: string): Promise<void> {
	const mine: Whole = {argv: [node, cli, 'read', article, '--width', '100'], to: 'pipe'};
	const others: Array<[string, Whole | undefined]> = [
		['lowdown -tterm', hasCommand('lowdown') ? {argv: ['lowdown', '-tterm', '--term-width=100', article], to: 'pipe'} : undefined],
		['cmark (to HTML)', hasCommand('cmark') ? {argv: ['cmark', article], to: 'pipe'} : undefined],
		['pandoc -t plain', hasCommand('pandoc') ? {argv: ['pandoc', '-f', 'markdown', '-t', 'plain', '--columns=100', article], to: 'pipe'} : undefined],
		['marked + marked-terminal (npm, node)', markedPeer(article, scratch)],
	];
	for (const [name, command] of others) {
		if (!command) {
			row(`peers: ${name}, 1 MB post`, 'not installed here', '', undefined);
			continue;
		}

		const measured = await pair(mine, command, 5);
		row(`peers: ${name}, 1 MB post, whole process`, `${formatMs(measured.bMs)}; blog-tui read ${formatMs(measured.aMs)} = ${ratio(measured.ratio)} it`);
	}
}

/** marked and marked-terminal from npm into a temporary prefix (not the project's dependencies), as their README shows them used. */
function markedPeer(article: string, scratch: string): Whole | undefined {
	const prefix = path.join(scratch, 'marked-peer');
	try {
		mkdirSync(prefix, {recursive: true});
		execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', 'marked', 'marked-terminal'], {stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000});
	} catch {
		return undefined;
	}

	const script = path.join(prefix, 'render.mjs');
	writeFileSync(script, `import {readFileSync} from 'node:fs';\nimport {marked} from 'marked';\nimport {markedTerminal} from 'marked-terminal';\nmarked.use(markedTerminal({width: 100, reflowText: true}));\nprocess.stdout.write(marked.parse(readFileSync(process.argv[2], 'utf8')));\n`);
	return {argv: [node, script, article], to: 'pipe'};
}

/** `list --json` and the `list` table of 10,000 posts, no index, against a Node process that only reads every file. */
async function listWhole(scratch: string): Promise<void> {
	const folder = postsFolder(scratch, 10_000);
	const floor: Whole = {argv: rawReads(folder), to: 'pipe'};
	const cache = path.join(scratch, 'list-cache');
	for (const [name, args] of [['list --json', ['list', '--json']], ['list (table)', ['list']]] as const) {
		const cold = await pair({argv: [node, cli, ...args, '--no-cache', folder], to: 'pipe'}, floor, 5);
		row(`${name}: 10,000 posts, no index, whole process (raw reads ${formatMs(cold.bMs)})`, `${formatMs(cold.aMs)} = ${ratio(cold.ratio)} raw reads`, '≤ 3× raw reads', cold.ratio <= 3);
		const warm = await pair({argv: [node, cli, ...args, folder], env: {XDG_CACHE_HOME: cache}, to: 'pipe'}, floor, 5);
		row(`${name}: 10,000 posts, from the index`, `${formatMs(warm.aMs)} = ${ratio(warm.ratio)} raw reads`);
	}
}

/** The browser on a pty against `node -e 0`, in turn: spawn → the frame showing `listText`. */
async function listFrames(argv: string[], listText: string | undefined, env: Record<string, string>, runs: number): Promise<{ratio: number; ms: number; baseline: number; firstMs: number; frames: number}> {
	await runInPty(nodeStart.argv);
	await runInPty(argv, {listText, env, timeoutMs: 120_000});
	const ratios: number[] = [];
	const list: number[] = [];
	const first: number[] = [];
	const baselines: number[] = [];
	const frames: number[] = [];
	for (let run = 0; run < runs; run++) {
		const baseline = (await runInPty(nodeStart.argv)).exitMs;
		const measured = await runInPty(argv, {listText, env, timeoutMs: 120_000});
		baselines.push(baseline);
		list.push(measured.listFrameMs ?? Number.NaN);
		first.push(measured.firstFrameMs ?? Number.NaN);
		frames.push(measured.framesBeforeList);
		ratios.push((measured.listFrameMs ?? Number.NaN) / baseline);
	}

	return {ratio: median(ratios), ms: median(list), baseline: median(baselines), firstMs: median(first), frames: median(frames)};
}

/** Start-up on 10,000 posts: the first frame without an index (progress), then the full list from the index. */
async function cacheStart(scratch: string): Promise<void> {
	const folder = postsFolder(scratch, 10_000);
	const title = firstTitle(folder);
	const cold = await listFrames([node, cli, '--no-cache', folder], undefined, {}, 5);
	row('start-up: 10,000 posts, no index: first frame (progress)', `${formatMs(cold.firstMs)} = ${ratio(cold.firstMs / cold.baseline)}`, '≤ 3.5× node -e 0', cold.firstMs / cold.baseline <= 3.5);
	const env = {XDG_CACHE_HOME: path.join(scratch, 'start-cache')};
	const warm = await listFrames([node, cli, folder], title, env, 5);
	row(`start-up: 10,000 posts, second start: full list (node -e 0 ${formatMs(warm.baseline)})`, `${formatMs(warm.ms)} = ${ratio(warm.ratio)}`, '≤ 4× node -e 0', warm.ratio <= 4);
}

/** 100,000 generated posts: cold index with progress, its peak RSS, the second start, list/filter keys, full-text search. */
async function hundredThousand(child: string, scratch: string): Promise<void> {
	const folder = postsFolder(scratch, 100_000);
	const title = firstTitle(folder);
	const env = {XDG_CACHE_HOME: path.join(scratch, 'big-cache')};
	const rssFile = path.join(scratch, 'big-rss');
	const timed = hasCommand('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M', '-o', rssFile] : [];
	const cold = await runInPty([...timed, node, cli, folder], {listText: title, env, timeoutMs: 300_000});
	const coldRss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) * 1024 : Number.NaN;
	const coldMs = cold.listFrameMs ?? Number.NaN;
	row('100,000 posts: cold index, spawn → full list', `${formatMs(coldMs)} (${cold.framesBeforeList} frames before it, first at ${formatMs(cold.firstFrameMs ?? Number.NaN)})`, '≤ 10 s, progress shown', coldMs <= 10_000 && cold.framesBeforeList > 1);
	row('100,000 posts: cold index, peak RSS', formatBytes(coldRss), '≤ 1 GB', coldRss <= 1024 ** 3);
	const warm: number[] = [];
	for (let run = 0; run < 3; run++) {
		warm.push((await runInPty([node, cli, folder], {listText: title, env, timeoutMs: 120_000})).listFrameMs ?? Number.NaN);
	}

	row('100,000 posts: second start, spawn → full list', formatMs(median(warm)), '≤ 1.5 s', median(warm) <= 1500);
	const keys = await runChild(child, ['list', folder]);
	keyRows('100,000 posts: list j/k', keys['steps'] as Step[]);
	const typed = await runChild(child, ['filter', folder]);
	keyRows('100,000 posts: filter keys (/, letters, backspace)', typed['steps'] as Step[]);
	const search = Number(typed['searchMs']);
	row('100,000 posts: full-text search, last key → answer', formatMs(search), '≤ 100 ms', search <= 100);
}

const parts: Record<string, (context: {child: string; scratch: string; article: string}) => Promise<void>> = {
	startup: async () => startup(),
	read: async ({article}) => readWhole(article),
	list: async ({scratch}) => listWhole(scratch),
	cache: async ({scratch}) => cacheStart(scratch),
	big: async ({child, scratch}) => hundredThousand(child, scratch),
	library: async ({child, scratch}) => library(child, scratch),
	render: async ({child, article}) => render(child, article),
	pager: async ({child, article}) => pager(child, article),
	keys: async ({child, scratch}) => list(child, scratch),
	serve: async ({scratch}) => serve(scratch),
	peers: async ({article, scratch}) => peers(article, scratch),
};

// `npm run bench -- serve-abuse`: only the server under attack, printed, not added to RESULTS.md.
if (process.argv[2] === 'serve-abuse') {
	await serveAbuse(root, process.argv[3]);
	process.exit(0);
}

const asked = process.argv.slice(2);
const unknown = asked.filter(name => !Object.hasOwn(parts, name));
if (unknown.length > 0) {
	process.stderr.write(`unknown bench part ${unknown.join(', ')}: the parts are ${Object.keys(parts).join(', ')}\n`);
	process.exit(2);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'blog-tui-bench-'));
// Every CLI the bench starts keeps its index here, not in the user's cache.
process.env['XDG_CACHE_HOME'] = path.join(scratch, 'cache');
try {
	const started = performance.now();
	const machine = describeMachine();
	process.stderr.write(`${machine}\n`);
	const child = await bundleChild(path.join(scratch, 'child'));
	const article = path.join(scratch, 'article', 'big.md');
	mkdirSync(path.dirname(article));
	writeFileSync(article, generatePost(7, 1_000_000));
	for (const [name, part] of Object.entries(parts)) {
		if (asked.length === 0 || asked.includes(name)) {
			process.stderr.write(`${name}\n`);
			await part({child, scratch, article});
		}
	}

	const printed = table();
	process.stdout.write(`\n${printed}\n`);
	const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	const which = asked.length === 0 ? '' : ` (parts: ${asked.join(', ')})`;
	appendFileSync(path.join(here, 'RESULTS.md'), `\n## ${date}${which}\n\n${machine}, load at the end ${os.loadavg().map(load => load.toFixed(1)).join(' / ')}; bench took ${formatMs(performance.now() - started)}.\n\n${printed}\n`);
} finally {
	rmSync(scratch, {recursive: true, force: true});
}
