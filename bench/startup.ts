import {spawn} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The text a terminal would show, escape sequences removed. */
function visible(output: string): string {
	return output
		.replaceAll(/\u001B\[[0-?]*[ -/]*[@-~]/g, '')
		.replaceAll(/\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g, '')
		.replaceAll(/\u001B[@-_]/g, '');
}

const synchronisedFrame = '\u001B[?2026h';

function quote(value: string): string {
	return `'${value.replaceAll('\'', '\'\\\'\'')}'`;
}

export type PtyRun = {
	/** Spawn → first bytes of a frame with text in it; undefined if none came. */
	firstFrameMs: number | undefined;
	/** Spawn → the first frame that contains `listText`. */
	listFrameMs: number | undefined;
	/** Frames written up to and including the list frame (Ink brackets each in a synchronised update). */
	framesBeforeList: number;
	/** Spawn → exit (for commands that exit by themselves). */
	exitMs: number;
	/** The keys typed did not end the program within the time limit; it was sent SIGTERM. */
	quitBySignal: boolean;
	/** The end of what it wrote, escapes removed (for error messages). */
	screen: string;
};

type PtyOptions = {
	/** Text that shows the list is drawn; undefined: the first frame with text counts. */
	listText?: string;
	/** Keys to type once the list is drawn (to quit). */
	keys?: string;
	env?: Record<string, string>;
	/** Called when the list frame arrives, before the keys are typed. */
	onList?: () => void;
	timeoutMs?: number;
};

/**
 * Runs `command` in a 100×30 pseudo-terminal (`script`, util-linux) and times, from the spawn, the
 * first frame written and the process's exit. `stty` sets the size as a terminal emulator would.
 */
export function runInPty(command: string[], {listText, keys = 'q', env = {}, onList, timeoutMs = 10_000}: PtyOptions = {}): Promise<PtyRun> {
	const shell = `stty rows 30 cols 100; exec ${command.map(part => quote(part)).join(' ')}`;
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn('script', ['-qfec', shell, '/dev/null'], {
			env: {...process.env, TERM: 'xterm-256color', CI: 'false', ...env},
			stdio: ['pipe', 'pipe', 'inherit'],
		});
		let output = '';
		let firstFrameMs: number | undefined;
		let listFrameMs: number | undefined;
		let retype: NodeJS.Timeout | undefined;
		let framesBeforeList = 0;
		let quitBySignal = false;
		const timer = setTimeout(() => {
			if (listFrameMs === undefined) {
				child.kill('SIGKILL');
				reject(new Error(`${command.join(' ')} drew no list in ${timeoutMs} ms; it wrote:\n${visible(output).slice(-2000)}`));
				return;
			}

			// Drawn, but the keys did not end it: end it, and say so.
			quitBySignal = true;
			child.kill('SIGTERM');
			setTimeout(() => child.kill('SIGKILL'), 2000).unref();
		}, timeoutMs);
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			const now = performance.now();
			output += chunk;
			if (listFrameMs !== undefined) {
				return;
			}

			const text = visible(output);
			firstFrameMs ??= text.trim().length > 0 ? now - start : undefined;
			if (firstFrameMs !== undefined && (listText === undefined || text.includes(listText))) {
				listFrameMs = now - start;
				framesBeforeList = output.split(synchronisedFrame).length - 1;
				onList?.();
				// Typed again until the program ends: a key that arrives before the program puts the
				// terminal in raw mode can sit in the line buffer.
				const type = () => {
					if (child.exitCode === null && child.signalCode === null) {
						child.stdin.write(keys);
						retype = setTimeout(type, 500);
					}
				};

				type();
			}
		});
		child.on('error', reject);
		child.on('exit', () => {
			clearTimeout(timer);
			clearTimeout(retype);
			resolve({firstFrameMs, listFrameMs, framesBeforeList, exitMs: performance.now() - start, quitBySignal, screen: visible(output).slice(-2000)});
		});
	});
}

export type StartupResult = {
	baselineMs: number[];
	firstFrameMs: number[];
	listFrameMs: number[];
	/** Modules of the renderer and highlighter loaded before the list frame, from one recorded run. */
	loadedBeforeList: string[];
	/** How many modules the recorded run had loaded by the list frame. */
	modulesBeforeList: number;
	/** Runs that did not quit on `q` within the time limit. */
	notQuit: number;
};

const heavy = /[/\\]node_modules[/\\](?:marked|marked-terminal|highlight\.js|cli-highlight|cardinal)[/\\]|render-article|^require:(?:highlight\.js|cli-highlight|marked)/;

/**
 * Start-up of the built CLI on `postsFolder` against `node -e 0`, both spawned the same way in a
 * pseudo-terminal, alternating so drift on a shared machine hits both alike.
 */
export async function measureStartup(cli: string, postsFolder: string, listText: string | undefined, runs: number): Promise<StartupResult> {
	const result: StartupResult = {baselineMs: [], firstFrameMs: [], listFrameMs: [], loadedBeforeList: [], modulesBeforeList: 0, notQuit: 0};
	// One warm-up of each, so the first measured run does not pay for a cold disk cache.
	await runInPty([process.execPath, '-e', '0']);
	await runInPty([process.execPath, cli, postsFolder], {listText});
	for (let run = 0; run < runs; run++) {
		result.baselineMs.push((await runInPty([process.execPath, '-e', '0'])).exitMs);
		const measured = await runInPty([process.execPath, cli, postsFolder], {listText});
		if (measured.firstFrameMs === undefined || measured.listFrameMs === undefined) {
			throw new Error(`the CLI drew no list frame showing ${JSON.stringify(listText)}; it wrote:\n${measured.screen}`);
		}

		result.notQuit += measured.quitBySignal ? 1 : 0;
		result.firstFrameMs.push(measured.firstFrameMs);
		result.listFrameMs.push(measured.listFrameMs);
	}

	const log = path.join(tmpdir(), `blog-tui-bench-loads-${process.pid}.txt`);
	let loaded: string[] = [];
	await runInPty([process.execPath, '--import', path.join(here, 'record-loads.mjs'), cli, postsFolder], {
		listText,
		env: {BENCH_LOAD_LOG: log},
		onList() {
			loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
		},
	});
	rmSync(log, {force: true});
	result.modulesBeforeList = new Set(loaded).size;
	result.loadedBeforeList = [...new Set(loaded.filter(entry => heavy.test(entry)))];
	return result;
}
