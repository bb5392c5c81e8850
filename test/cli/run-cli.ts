import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const blog = fileURLToPath(new URL('fixtures/blog', import.meta.url));
export const repo = fileURLToPath(new URL('../..', import.meta.url));
/** An XDG_CONFIG_HOME with no blog-tui config in it, so the tester's own ~/.config never reaches a test. */
export const noConfig = fileURLToPath(new URL('fixtures/config/nowhere', import.meta.url));

// The CLI keeps each folder's index under XDG_CACHE_HOME: tests keep theirs out of the tester's home.
const cacheHome = mkdtempSync(path.join(tmpdir(), 'blog-tui-test-cache-'));
process.once('exit', () => {
	rmSync(cacheHome, {recursive: true, force: true});
});

export type Run = {status: number | null; stdout: string; stderr: string};

/**
 * Runs the built CLI with pipes for stdout and stderr and an environment of only what is given
 * (plus PATH, HOME, a temporary XDG_CACHE_HOME and a config folder without a config), so the tester's NO_COLOR, COLUMNS or FORCE_COLOR never leak in.
 */
export function runCli(args: readonly string[], options: {env?: Record<string, string>; cwd?: string; nodeOptions?: string[]; input?: string} = {}): Run {
	const result = spawnSync(process.execPath, [...options.nodeOptions ?? [], cli, ...args], {
		cwd: options.cwd ?? repo,
		encoding: 'utf8',
		input: options.input ?? '',
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', XDG_CACHE_HOME: cacheHome, XDG_CONFIG_HOME: noConfig, ...options.env},
		timeout: 20_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** `runCli` without blocking, so independent runs can overlap. */
export async function runCliAsync(args: readonly string[], options: {env?: Record<string, string>; cwd?: string} = {}): Promise<Run> {
	const child = spawn(process.execPath, [cli, ...args], {
		cwd: options.cwd ?? repo,
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', XDG_CACHE_HOME: cacheHome, XDG_CONFIG_HOME: noConfig, ...options.env},
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 20_000,
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const status = await new Promise<number | null>(resolve => {
		child.on('close', code => {
			resolve(code);
		});
	});
	return {status, stdout, stderr};
}

/** Runs every item through `work`, at most `limit` at a time, results in input order. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	};

	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

/** Asserts the shape every failure must have: one line on stderr, `blog-tui: …`, no stack trace. */
export function oneLineError(run: Run): string {
	const lines = run.stderr.split('\n');
	if (lines.length !== 2 || lines[1] !== '' || !lines[0]!.startsWith('blog-tui: ') || /\n\s+at /.test(run.stderr)) {
		throw new Error(`expected one "blog-tui: …" line on stderr, got ${JSON.stringify(run.stderr)}`);
	}

	return lines[0]!;
}
