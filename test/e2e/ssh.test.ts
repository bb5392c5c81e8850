import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import stringWidth from 'string-width';
import {connect, pty, shell} from '../serve/helpers.js';
import {hasTmux, startTmux, type TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const posts = fileURLToPath(new URL('../../posts', import.meta.url));

function hasSsh(): boolean {
	try {
		execFileSync('ssh', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

const skip = (!hasTmux() && 'tmux is not installed') || (!hasSsh() && 'the OpenSSH client is not installed');

/** `blog-tui serve` on a free loopback port, with its own host key; resolves once it says where it listens. */
async function startServe(folder: string, extra: string[] = []): Promise<{port: number; stop: () => Promise<number | null>}> {
	const child = spawn(process.execPath, [cli, 'serve', posts, '--host', '127.0.0.1', '--port', '0', '--host-key', path.join(folder, 'host_key'), ...extra], {
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: folder, XDG_DATA_HOME: folder},
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let output = '';
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`serve did not start:\n${output}`));
		}, 15_000);
		child.stderr.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const found = /listening on 127\.0\.0\.1:(\d+)/.exec(output);
			if (found) {
				clearTimeout(timer);
				resolve(Number(found[1]));
			}
		});
		child.on('exit', code => {
			clearTimeout(timer);
			reject(new Error(`serve exited with ${code}:\n${output}`));
		});
	});
	return {
		port,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) {
				return child.exitCode;
			}

			child.removeAllListeners('exit');
			const closed = new Promise<number | null>(resolve => child.on('close', resolve));
			child.kill('SIGTERM');
			return closed;
		},
	};
}

function ssh(port: number, env: Record<string, string>, columns = 100, rows = 30): TmuxSession {
	return startTmux(['ssh', '-p', String(port), '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'SendEnv=NO_COLOR', '-tt', 'reader@127.0.0.1'], {columns, rows, env});
}

/** q ends the reader's session, and ssh exits with 0. */
async function quit(session: TmuxSession): Promise<void> {
	session.send('q');
	await session.waitFor(() => session.exited(), 10_000);
	assert.equal(session.exitStatus(), 0);
}

/** Runs `body` against a fresh server with its own folder; whatever happens, every session and the server end. */
async function withServer(prefix: string, extra: string[], body: (server: {port: number; stop: () => Promise<number | null>}, sessions: TmuxSession[]) => Promise<void>): Promise<void> {
	const folder = mkdtempSync(path.join(tmpdir(), prefix));
	const server = await startServe(folder, extra);
	const sessions: TmuxSession[] = [];
	try {
		await body(server, sessions);
	} finally {
		for (const session of sessions) {
			session.kill();
		}

		await server.stop();
		rmSync(folder, {recursive: true, force: true});
	}
}

test('the real OpenSSH client: list, open, jump menu, resize, colour by the reader\'s TERM and NO_COLOR, q ends with 0', {skip, timeout: 120_000}, async () => {
	await withServer('blog-tui-ssh-e2e-', [], async (server, sessions) => {
		const reader = ssh(server.port, {TERM: 'xterm-256color'});
		sessions.push(reader);
		await reader.waitFor('Every key in blog-tui', 20_000);
		assert.match(reader.screen({escapes: true}), /\u001B\[[\d;]*m/, 'coloured for xterm-256color');
		reader.send('/');
		reader.send('showcase', {literal: true});
		reader.send('Enter');
		reader.send('Enter');
		await reader.waitFor('This post exists to be looked at', 15_000);
		reader.send('t');
		await reader.waitFor('Jump to heading');
		reader.send('tabl', {literal: true});
		reader.send('Enter');
		await reader.waitFor(screen => /^\W*Tables\W*$/.test((screen.split('\n')[2] ?? '').trim()));
		reader.resize(60, 20);
		const narrow = await reader.waitFor(screen => screen.split('\n').some(line => /^─{60}$/.test(line)) && /Markdown showcase/.test(screen.split('\n')[0] ?? ''));
		for (const line of narrow.split('\n')) {
			assert.ok(stringWidth(line) <= 60, `wider than 60: ${JSON.stringify(line)}`);
		}

		await quit(reader);

		const plain = ssh(server.port, {TERM: 'xterm-256color', NO_COLOR: '1'});
		sessions.push(plain);
		await plain.waitFor('Every key in blog-tui', 20_000);
		assert.doesNotMatch(plain.screen({escapes: true}), /\u001B\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7])(?:;[\d;]*)?m/, 'no colours with NO_COLOR (39 and 49 only restore the defaults)');
		await quit(plain);
		assert.equal(await server.stop(), 0);
	});
});

test('--workers 2: sessions spread over two processes each get the browser; SIGTERM stops them all with exit 0', {skip, timeout: 120_000}, async () => {
	await withServer('blog-tui-ssh-workers-', ['--workers', '2'], async (server, sessions) => {
		for (let index = 0; index < 2; index++) {
			sessions.push(ssh(server.port, {TERM: 'xterm-256color'}));
		}

		for (const session of sessions) {
			await session.waitFor('Every key in blog-tui', 20_000);
			await quit(session);
		}

		assert.equal(await server.stop(), 0);
	});
});

test('--workers 2 --max-per-ip 1: one address gets one session across the workers, not one on each', {timeout: 120_000}, async () => {
	await withServer('blog-tui-ssh-per-ip-', ['--workers', '2', '--max-per-ip', '1'], async server => {
		const first = await shell(await connect(server.port), pty);
		await first.waitFor('Every key in blog-tui', 20_000);
		// Dealt round-robin, one of these two would reach the other worker, which has no session from here.
		for (let attempt = 0; attempt < 2; attempt++) {
			const refused = await shell(await connect(server.port), pty);
			await refused.waitFor(/You already have 1 session open on this blog/, 15_000);
			assert.equal(await refused.exit, 1);
		}

		first.channel.write('q');
		assert.equal(await first.exit, 0);
		const again = await shell(await connect(server.port), pty);
		await again.waitFor('Every key in blog-tui', 20_000);
		again.channel.write('q');
		assert.equal(await again.exit, 0);
		assert.equal(await server.stop(), 0);
	});
});
