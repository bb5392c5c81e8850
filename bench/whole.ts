import {execFileSync, spawn} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {runInPty} from './startup.js';
import {median} from './stats.js';

/** A whole command, timed from spawn to exit, its output read and dropped (`pipe`) or shown on a 100×30 pty. */
export type Whole = {argv: string[]; env?: Record<string, string>; to: 'pipe' | 'pty'; cwd?: string};

export type Timed = {wallMs: number; maxRssBytes: number | undefined};

const hasTime = (() => {
	try {
		execFileSync('/usr/bin/time', ['-f', '%M', 'true'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
})();

/** Peak RSS comes from GNU time (`%M`), which wraps both commands of a pair alike. */
function wrapped(argv: string[], rssFile: string): string[] {
	return hasTime ? ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...argv] : argv;
}

function readRss(rssFile: string): number | undefined {
	try {
		const kilobytes = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
		return Number.isFinite(kilobytes) ? kilobytes * 1024 : undefined;
	} catch {
		return undefined;
	} finally {
		rmSync(rssFile, {force: true});
	}
}

let runNumber = 0;

export async function timeWhole(command: Whole): Promise<Timed> {
	const rssFile = path.join(tmpdir(), `blog-tui-bench-rss-${process.pid}-${runNumber++}`);
	const argv = wrapped(command.argv, rssFile);
	if (command.to === 'pty') {
		const run = await runInPty(argv, {keys: '', env: command.env ?? {}, timeoutMs: 120_000});
		return {wallMs: run.exitMs, maxRssBytes: readRss(rssFile)};
	}

	const start = performance.now();
	await new Promise<void>((resolve, reject) => {
		const child = spawn(argv[0]!, argv.slice(1), {env: {...process.env, ...command.env}, cwd: command.cwd, stdio: ['ignore', 'pipe', 'ignore']});
		child.stdout.on('data', () => undefined);
		child.on('error', reject);
		child.on('close', code => {
			if (code === 0) {
				resolve();
			} else {
				reject(new Error(`${command.argv.join(' ')} exited ${code}`));
			}
		});
	});
	return {wallMs: performance.now() - start, maxRssBytes: readRss(rssFile)};
}

export type Pair = {aMs: number; bMs: number; ratio: number; aRss: number | undefined; bRss: number | undefined};

/**
 * `a` and `b` in turn (a b a b …, after one warm-up of each), so a shared machine's drift hits both
 * alike: medians of each and the median of the run-by-run ratios a/b.
 */
export async function pair(a: Whole, b: Whole, runs: number): Promise<Pair> {
	await timeWhole(a);
	await timeWhole(b);
	const as: Timed[] = [];
	const bs: Timed[] = [];
	for (let run = 0; run < runs; run++) {
		as.push(await timeWhole(a));
		bs.push(await timeWhole(b));
	}

	const rss = (runs: Timed[]) => {
		const known = runs.flatMap(run => (run.maxRssBytes === undefined ? [] : [run.maxRssBytes]));
		return known.length > 0 ? median(known) : undefined;
	};

	return {
		aMs: median(as.map(run => run.wallMs)),
		bMs: median(bs.map(run => run.wallMs)),
		ratio: median(as.map((run, index) => run.wallMs / bs[index]!.wallMs)),
		aRss: rss(as),
		bRss: rss(bs),
	};
}

/** The floor for reading a folder: a Node process that finds every file under it and reads each as text. */
export const rawReads = (folder: string): string[] => [process.execPath, '-e', `const fs=require('node:fs'),p=require('node:path');let n=0;for(const e of fs.readdirSync(process.argv[1],{recursive:true,withFileTypes:true}))if(e.isFile())n+=fs.readFileSync(p.join(e.parentPath,e.name),'utf8').length;`, folder];
