import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const blog = fileURLToPath(new URL('fixtures/blog', import.meta.url));
export const repo = fileURLToPath(new URL('../..', import.meta.url));

export type Run = {status: number | null; stdout: string; stderr: string};

/**
 * Runs the built CLI with pipes for stdout and stderr and an environment of only what is given
 * (plus PATH and HOME), so the tester's NO_COLOR, COLUMNS or FORCE_COLOR never leak in.
 */
export function runCli(args: readonly string[], options: {env?: Record<string, string>; cwd?: string; nodeOptions?: string[]} = {}): Run {
	const result = spawnSync(process.execPath, [...options.nodeOptions ?? [], cli, ...args], {
		cwd: options.cwd ?? repo,
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', ...options.env},
		timeout: 20_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** Asserts the shape every failure must have: one line on stderr, `blog-tui: …`, no stack trace. */
export function oneLineError(run: Run): string {
	const lines = run.stderr.split('\n');
	if (lines.length !== 2 || lines[1] !== '' || !lines[0]!.startsWith('blog-tui: ') || /\n\s+at /.test(run.stderr)) {
		throw new Error(`expected one "blog-tui: …" line on stderr, got ${JSON.stringify(run.stderr)}`);
	}

	return lines[0]!;
}
