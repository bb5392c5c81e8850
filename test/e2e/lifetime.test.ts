import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux, type TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const skip = !hasTmux() && 'tmux is not installed';
const slow = 20_000;

/** Gone, or a zombie nobody reaps (a container's init may not): either way it runs no more. */
function ended(pid: number): boolean {
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').startsWith('Z');
	} catch {
		return true;
	}
}

async function untilEnded(pid: number, what: string): Promise<void> {
	for (const deadline = Date.now() + slow; !ended(pid);) {
		if (Date.now() > deadline) {
			throw new Error(`the browser (pid ${pid}) is still running ${what}`);
		}

		await delay(50);
	}
}

type Churning = {session: TmuxSession; pid: number; stop: () => Promise<void>; cleanUp: () => void};

/**
 * The browser with a post open and an unwritable state folder, while the open post's file keeps
 * being replaced by a FIFO, a folder, random bytes, a self-link, a link to a device, and text again.
 */
async function browserOnChurningPost(): Promise<Churning> {
	const base = mkdtempSync(path.join(tmpdir(), 'blog-tui-lifetime-'));
	const blog = path.join(base, 'blog');
	mkdirSync(blog);
	for (const number of [1, 2, 3]) {
		writeFileSync(path.join(blog, `p${number}.md`), `---\ntitle: Post ${number}\ndate: 2024-01-0${number}\n---\n\n${'Words to scroll through. '.repeat(200)}\n`);
	}

	// A regular file where the state folder's parent should be: no position can ever be written.
	writeFileSync(path.join(base, 'state'), '');
	const session = startTmux(['node', cli, blog], {columns: 80, rows: 24, env: {XDG_STATE_HOME: path.join(base, 'state', 'x'), HOME: base}});
	await session.waitFor('Post 3', slow);
	session.send('Enter');
	await session.waitFor('Words to scroll through', slow);
	const pid = session.commandPid();
	assert.ok(pid, 'the browser\'s process id');
	const file = path.join(blog, 'p3.md');
	const replacements = [
		() => execFileSync('mkfifo', [file]),
		() => mkdirSync(file),
		() => writeFileSync(file, Buffer.from(Array.from({length: 3000}, (_, index) => (index * 7919) % 256))),
		() => symlinkSync('p3.md', file),
		() => symlinkSync('/dev/zero', file),
		() => writeFileSync(file, '---\ntitle: Post 3\n---\n\nBack again.\n'),
	];
	let running = true;
	// The reader scrolls while the files change; the files go on changing once the test takes the terminal away.
	let typing = true;
	const churn = (async () => {
		for (let round = 0; running; round++) {
			rmSync(file, {recursive: true, force: true});
			replacements[round % replacements.length]!();
			if (round % 3 === 0 && typing) {
				session.send('j');
			}

			await delay(40);
		}
	})();
	// Long enough for several re-reads of every kind of replacement.
	await delay(1500);
	typing = false;
	await delay(100);
	return {
		session,
		pid,
		async stop() {
			running = false;
			await churn;
		},
		cleanUp() {
			session.kill();
			rmSync(base, {recursive: true, force: true});
		},
	};
}

test('the browser exits when its terminal goes away (the tmux server killed), mid live-reload churn', {skip, timeout: 60_000}, async () => {
	const run = await browserOnChurningPost();
	try {
		run.session.kill();
		await untilEnded(run.pid, 'after its terminal went away');
	} finally {
		await run.stop();
		if (!ended(run.pid)) {
			process.kill(run.pid, 'SIGKILL');
		}

		run.cleanUp();
	}
});

test('the browser exits on SIGTERM, mid live-reload churn, and leaves the terminal as it found it', {skip, timeout: 60_000}, async () => {
	const run = await browserOnChurningPost();
	try {
		process.kill(run.pid, 'SIGTERM');
		await untilEnded(run.pid, 'after SIGTERM');
		await run.session.waitFor('[blog-tui test: exited 143]', slow);
		assert.equal(run.session.alternateScreen(), false);
		assert.equal(run.session.cursorVisible(), true);
	} finally {
		await run.stop();
		if (!ended(run.pid)) {
			process.kill(run.pid, 'SIGKILL');
		}

		run.cleanUp();
	}
});
