// Regenerates the README's pictures from the real app: tmux runs the built CLI on the bundled posts,
// `capture-pane -e` keeps its colours, .ci/ansi-html.ts turns them into HTML and headless Chromium takes the PNG.
// Needs Debian's tmux and chromium: `apt-get install -y tmux chromium`.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {startTmux} from '../test/e2e/tmux.js';
import {ansiToHtml} from './ansi-html.js';

type Step = {keys: string[]; literal?: boolean; waitFor?: string};
type Scene = {name: string; columns: number; rows: number; steps: Step[]; waitFor: string};

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, '.ci', 'screenshots');

const scenes: Scene[] = [
	{name: 'list', columns: 100, rows: 30, waitFor: 'Getting started', steps: []},
	{name: 'article', columns: 100, rows: 30, waitFor: 'Getting started', steps: [{keys: ['/'], waitFor: 'filter'}, {keys: ['showcase'], literal: true}, {keys: ['Enter']}, {keys: ['Enter'], waitFor: 'This post exists to be looked at'}, {keys: ['j', 'j', 'j', 'j', 'j', 'j']}]},
	{name: 'jump-menu', columns: 100, rows: 30, waitFor: 'Getting started', steps: [{keys: ['/'], waitFor: 'filter'}, {keys: ['showcase'], literal: true}, {keys: ['Enter']}, {keys: ['Enter'], waitFor: 'This post exists to be looked at'}, {keys: ['t'], waitFor: 'Conclusion'}, {keys: ['Down', 'Down']}]},
	{name: 'tags', columns: 100, rows: 30, waitFor: 'Getting started', steps: [{keys: ['#'], waitFor: 'guide'}]},
];

function need(command: string, packageName: string): void {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], {stdio: 'ignore'});
	} catch {
		throw new Error(`${command} is missing: apt-get install -y ${packageName}`);
	}
}

function toPng(ansi: string, file: string, columns: number, rows: number): void {
	const work = mkdtempSync(path.join(tmpdir(), 'blog-tui-shot-'));
	try {
		const html = ansiToHtml(ansi);
		const page = path.join(work, 'shot.html');
		writeFileSync(page, html);
		execFileSync('chromium', [
			'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(work, 'profile')}`, '--hide-scrollbars',
			`--window-size=${(columns * 9) + 24},${(rows * 19) + 24}`, `--screenshot=${file}`, `file://${page}`,
		], {stdio: 'ignore'});
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}

mkdirSync(out, {recursive: true});
need('tmux', 'tmux');
need('chromium', 'chromium');
const cli = path.join(root, 'dist', 'cli.js');
for (const scene of scenes) {
	// From the repository, as a newcomer runs it: the header names ./posts, not this machine's path.
	const session = startTmux(['node', cli, 'posts'], {cwd: root, columns: scene.columns, rows: scene.rows, env: {COLORTERM: 'truecolor', XDG_STATE_HOME: mkdtempSync(path.join(tmpdir(), 'blog-tui-shot-state-'))}});
	try {
		await session.waitFor(scene.waitFor, 15_000);
		for (const step of scene.steps) {
			session.send(step.keys, {literal: step.literal});
			if (step.waitFor) {
				await session.waitFor(step.waitFor, 10_000);
			}

			await delay(150);
		}

		await delay(400);
		const file = path.join(out, `${scene.name}.png`);
		toPng(session.screen({escapes: true}), file, scene.columns, scene.rows);
		if (!existsSync(file)) {
			throw new Error(`chromium wrote no ${file}`);
		}

		console.log(path.relative(root, file));
	} finally {
		session.kill();
	}
}
