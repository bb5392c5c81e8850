/**
 * `npm run bench`: measures what readers feel, prints one table and appends it to bench/RESULTS.md.
 * `npm run bench -- serve-abuse` runs only `bench/serve-abuse.ts`.
 * Runs after `npm run build`; start-up uses the built CLI, the other figures a bundle of `child.tsx`.
 */
import {execFileSync, spawn} from 'node:child_process';
import {appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
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
	row('start-up: first frame', `${formatMs(firstFrame)} = ${(firstFrame / baseline).toFixed(1)}×`, '≤ 4× node -e 0', firstFrame / baseline <= 4);
	row(`start-up: list frame (${listed.length} bundled posts)`, `${formatMs(listFrame)} = ${(listFrame / baseline).toFixed(1)}×`, '≤ 4× node -e 0', listFrame / baseline <= 4);
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
		const folder = path.join(scratch, `posts-${count}`);
		writePosts(folder, count);
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

/** What a reader with a big blog waits for: the built CLI on 10,000 posts, spawn → list. */
async function bigStartup(scratch: string): Promise<void> {
	const cli = path.join(root, 'dist', 'cli.js');
	const folder = path.join(scratch, 'posts-10000');
	const listed = JSON.parse(execFileSync(process.execPath, [cli, 'list', '--json', folder], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})) as Array<{title: string}>;
	const listText = listed[0]?.title;
	const runs = [];
	for (let run = 0; run < 3; run++) {
		runs.push(await runInPty([process.execPath, cli, folder], {listText, timeoutMs: 60_000}));
	}

	const list = median(runs.map(run => run.listFrameMs ?? Number.NaN));
	const frames = median(runs.map(run => run.framesBeforeList));
	row('start-up: 10,000 posts, spawn → list frame', `${formatMs(list)} (${frames} frames drawn by then)`);
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
	const result = await runChild(child, ['list', path.join(scratch, 'posts-10000')]);
	keyRows(`list: j/k with ${Number(result['posts']).toLocaleString('en')} posts`, result['steps'] as Step[]);
}

async function serve(scratch: string): Promise<void> {
	if (!existsSync(path.join(root, 'source', 'serve', 'serve.ts'))) {
		row('serve: 100 sessions, key → output p95, RSS/session', 'not measured (serve not available)', '≤ 50 ms, ≤ 5 MB', undefined);
		return;
	}

	const cli = path.join(root, 'dist', 'cli.js');
	const posts = path.join(root, 'posts');
	const listed = JSON.parse(execFileSync(process.execPath, [cli, 'list', '--json', posts], {encoding: 'utf8'})) as Array<{title: string}>;
	const rounds = await measureServe(cli, posts, listed[0]?.title.slice(0, 30) ?? 'blog-tui', scratch, [10, 100], 10);
	for (const {sessions, latenciesMs, unanswered, rssPerSessionBytes, failed} of rounds) {
		const p95 = percentile(latenciesMs, 95);
		const big = sessions === 100;
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

// `npm run bench -- serve-abuse`: only the server under attack, printed, not added to RESULTS.md.
if (process.argv[2] === 'serve-abuse') {
	await serveAbuse(root, process.argv[3]);
	process.exit(0);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'blog-tui-bench-'));
try {
	const started = performance.now();
	const machine = describeMachine();
	process.stderr.write(`${machine}\n`);
	const child = await bundleChild(path.join(scratch, 'child'));
	const article = path.join(scratch, 'article', 'big.md');
	mkdirSync(path.dirname(article));
	writeFileSync(article, generatePost(7, 1_000_000));
	await startup();
	await library(child, scratch);
	await bigStartup(scratch);
	await render(child, article);
	await pager(child, article);
	await list(child, scratch);
	await serve(scratch);
	const printed = table();
	process.stdout.write(`\n${printed}\n`);
	const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	appendFileSync(path.join(here, 'RESULTS.md'), `\n## ${date}\n\n${machine}; bench took ${formatMs(performance.now() - started)}.\n\n${printed}\n`);
} finally {
	rmSync(scratch, {recursive: true, force: true});
}
