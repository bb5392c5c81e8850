import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {hasTmux, startTmux, type TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const posts = fileURLToPath(new URL('../../posts', import.meta.url));
const skip = !hasTmux() && 'tmux is not installed';
// Start-up and the first render share two cores with other test files: generous, but bounded.
const slow = 20_000;

type Run = {session: TmuxSession; stateHome: string};

/** The built CLI on the bundled posts, with its own state folder so runs never share positions. */
function run({stateHome, args = [], columns = 100, rows = 30}: {stateHome?: string; args?: string[]; columns?: number; rows?: number} = {}): Run {
	const home = stateHome ?? mkdtempSync(path.join(tmpdir(), 'blog-tui-reader-e2e-'));
	const session = startTmux(['node', cli, ...args, posts], {columns, rows, env: {XDG_STATE_HOME: home, HOME: home}});
	return {session, stateHome: home};
}

function lines(screen: string): string[] {
	return screen.replace(/\n+$/, '').split('\n');
}

/**
 * The first line of the viewport: the top of the screen, or the line under the title bar and its rule
 * (drawn from the first column) once the article's header block has scrolled off.
 */
function topLine(screen: string): string {
	const all = lines(screen);
	return (all[(all[1] ?? '').startsWith('─') ? 2 : 0] ?? '').trim();
}

/** The status bar: the last line with anything on it. */
function statusLine(screen: string): string {
	return lines(screen).findLast(line => line.trim() !== '') ?? '';
}

const articleStart = 'This post exists to be looked at.';

async function openShowcase(session: TmuxSession): Promise<string> {
	await session.waitFor('Every key in blog-tui', slow);
	session.send('/');
	session.send('showcase', {literal: true});
	await session.waitFor(screen => !screen.includes('Every key in blog-tui'));
	session.send('Enter');
	session.send('Enter');
	return session.waitFor(articleStart, slow);
}

/** Opens the heading menu, narrows it to `typed` and picks the first match. */
async function jumpTo(session: TmuxSession, typed: string, heading: RegExp): Promise<string> {
	session.send('t');
	// The last heading shows only in the menu: the article is opened at its top.
	await session.waitFor(screen => screen.includes('Conclusion') && !screen.includes(articleStart));
	session.send(typed, {literal: true});
	await session.waitFor(screen => !screen.includes('Conclusion'));
	session.send('Enter');
	return session.waitFor(screen => heading.test(topLine(screen)));
}

/** Presses Tab until the status bar names `target` (the highlighted link's destination). */
async function highlightLink(session: TmuxSession, target: string, most = 12): Promise<void> {
	let previous: string | undefined;
	for (let presses = 0; presses < most; presses++) {
		session.send('Tab');
		// Each Tab names a new link: waiting for that, not for any change, keeps a half-drawn frame
		// from counting as the answer to a press.
		const screen = await session.waitFor(text => {
			const named = /→ (\S+)/.exec(statusLine(text))?.[1];
			return named !== undefined && named !== previous;
		});
		previous = /→ (\S+)/.exec(statusLine(screen))?.[1];
		if (previous === target) {
			return;
		}
	}

	throw new Error(`no link to ${target} after ${most} Tabs; screen was:\n${session.screen()}`);
}

async function quit(session: TmuxSession): Promise<void> {
	session.send('q');
	await session.waitFor(() => session.exited(), 5000);
	assert.equal(session.exitStatus(), 0);
}

function cleanUp({session, stateHome}: Run): void {
	session.kill();
	rmSync(stateHome, {recursive: true, force: true});
}

test('t opens the heading menu; typing narrows it and Enter makes the heading the top line', {skip}, async () => {
	const app = run();
	try {
		await openShowcase(app.session);
		const screen = await jumpTo(app.session, 'tabl', /^\W*Tables\W*$/);
		const below = lines(screen).slice(0, 8).join('\n');
		assert.match(below, /Tables line up in columns/, 'the section follows its heading');
		await quit(app.session);
	} finally {
		cleanUp(app);
	}
});

test('keys arriving in one write are all handled in the heading menu: Down Down Enter picks the third heading', {skip}, async () => {
	const app = run();
	try {
		await openShowcase(app.session);
		app.session.send('t');
		await app.session.waitFor(screen => screen.includes('Conclusion') && !screen.includes(articleStart));
		app.session.send('\u001B[B\u001B[B\r', {literal: true});
		await app.session.waitFor(screen => /^\W*A third-level heading\W*$/.test(topLine(screen)));
		await quit(app.session);
	} finally {
		cleanUp(app);
	}
});

test('a #conclusion link jumps to the heading; Esc returns to the same spot', {skip}, async () => {
	const app = run();
	try {
		await openShowcase(app.session);
		app.session.send('jjj', {literal: true});
		const before = topLine(await app.session.waitFor(screen => !/Markdown showcase/.test(topLine(screen)) && topLine(screen) !== ''));
		assert.equal(before, 'Every piece of Markdown blog-tui draws, in one post.');
		await highlightLink(app.session, '#conclusion');
		app.session.send('Enter');
		const screen = await app.session.waitFor(text => /^\W*Conclusion\W*$/.test(topLine(text)));
		assert.match(lines(screen).slice(0, 8).join('\n'), /Everything above is plain Markdown/);
		app.session.send('Escape');
		await app.session.waitFor(text => topLine(text) === before);
		// Three lines down the header block's title is off the screen and the title bar not up yet (it
		// comes once the whole block has scrolled off): the post's description at the top says which post.
		assert.match(lines(app.session.screen())[0]!, /Every piece of Markdown blog-tui draws/, 'still the same post');
		assert.doesNotMatch(app.session.screen(), /newest first/);
		await quit(app.session);
	} finally {
		cleanUp(app);
	}
});

test('a link to another post opens it; Esc comes back to the same spot', {skip}, async () => {
	const app = run();
	try {
		await openShowcase(app.session);
		await jumpTo(app.session, 'links and', /^\W*Links and anchors\W*$/);
		app.session.send('j');
		const before = topLine(await app.session.waitFor(screen => !/Links and anchors/.test(topLine(screen))));
		await highlightLink(app.session, 'keys.md');
		app.session.send('Enter');
		let screen = await app.session.waitFor('driven entirely from the keyboard');
		assert.match(lines(screen)[0] ?? '', /Every key in blog-tui/);
		app.session.send('Escape');
		screen = await app.session.waitFor(text => topLine(text) === before);
		assert.match(lines(screen)[0] ?? '', /Markdown showcase/);
		await quit(app.session);
	} finally {
		cleanUp(app);
	}
});

test('/ searches the article: Enter goes to the first match, n to the next, the status bar counts them, Esc clears', {skip}, async () => {
	const app = run();
	try {
		await openShowcase(app.session);
		app.session.send('/');
		app.session.send('terminal', {literal: true});
		app.session.send('Enter');
		const first = await app.session.waitFor(screen => /\b1\/\d+\b/.test(statusLine(screen)));
		const total = /\b1\/(\d+)\b/.exec(statusLine(first))?.[1];
		assert.ok(Number(total) > 2, `several matches: ${statusLine(first)}`);
		app.session.send('n');
		await app.session.waitFor(screen => statusLine(screen).includes(`2/${total}`));
		app.session.send('N');
		await app.session.waitFor(screen => statusLine(screen).includes(`1/${total}`));
		app.session.send('Escape');
		await app.session.waitFor(screen => !statusLine(screen).includes(`/${total}`));
		assert.match(app.session.screen(), /Markdown showcase/, 'Esc cleared the search, the post stays open');
		await quit(app.session);
	} finally {
		cleanUp(app);
	}
});

test('? shows the reading keys; Esc closes the help', {skip}, async () => {
	const app = run();
	try {
		await openShowcase(app.session);
		app.session.send('?');
		const help = await app.session.waitFor(screen => /heading/i.test(screen) && /search/i.test(screen) && !screen.includes(articleStart));
		for (const topic of [/heading/i, /link/i, /search/i, /back/i, /quit/i, /Tab/]) {
			assert.match(help, topic);
		}

		app.session.send('Escape');
		await app.session.waitFor(articleStart);
		await quit(app.session);
	} finally {
		cleanUp(app);
	}
});

test('resize to 60×20 re-wraps the article within 60 columns and keeps the place; too small says so', {skip}, async () => {
	const app = run();
	try {
		await openShowcase(app.session);
		await jumpTo(app.session, 'tabl', /^\W*Tables\W*$/);
		app.session.resize(60, 20);
		// Until the app redraws, tmux shows the old frame re-flowed (its rules broken into 60 + 40 columns).
		const screen = await app.session.waitFor(text => lines(text).some(line => /^─{60}$/.test(line)) && /Markdown showcase/.test(lines(text)[0] ?? ''));
		for (const line of lines(screen)) {
			assert.ok(stringWidth(line) <= 60, `wider than 60 columns: ${JSON.stringify(line)}`);
		}

		// A line wider than the terminal would wrap and push the frame up: the header leaves the screen.
		assert.match(lines(screen)[0] ?? '', /Markdown showcase/);
		assert.match(screen, /Tables/, 'the same place stays in view');
		assert.match(statusLine(screen), /%/);

		app.session.resize(15, 5);
		await app.session.waitFor('too small');
		app.session.resize(60, 20);
		await app.session.waitFor(text => /Markdown showcase/.test(lines(text)[0] ?? '') && text.includes('Tables'));
		await quit(app.session);
	} finally {
		cleanUp(app);
	}
});

test('q exits 0; reopening the post restores the reading position, and --no-state does not', {skip}, async () => {
	const first = run();
	let second: Run | undefined;
	let stateless: Run | undefined;
	try {
		await openShowcase(first.session);
		await jumpTo(first.session, 'code bl', /^\W*Code blocks\W*$/);
		await quit(first.session);
		assert.ok(existsSync(path.join(first.stateHome, 'blog-tui', 'positions.json')), 'the position was saved');

		second = run({stateHome: first.stateHome});
		await second.session.waitFor('Every key in blog-tui', slow);
		second.session.send('/');
		second.session.send('showcase', {literal: true});
		await second.session.waitFor(screen => !screen.includes('Every key in blog-tui'));
		second.session.send('Enter');
		second.session.send('Enter');
		await second.session.waitFor(screen => /^\W*Code blocks\W*$/.test(topLine(screen)), slow);
		await quit(second.session);

		stateless = run({stateHome: first.stateHome, args: ['--no-state']});
		await openShowcase(stateless.session);
		assert.match(topLine(stateless.session.screen()), /Markdown showcase/, 'opened at the top');
		await quit(stateless.session);
	} finally {
		cleanUp(first);
		second?.session.kill();
		stateless?.session.kill();
	}
});

test('--no-state writes no state file', {skip}, async () => {
	const app = run({args: ['--no-state']});
	try {
		await openShowcase(app.session);
		await jumpTo(app.session, 'code bl', /^\W*Code blocks\W*$/);
		await quit(app.session);
		assert.equal(existsSync(path.join(app.stateHome, 'blog-tui')), false);
	} finally {
		cleanUp(app);
	}
});
