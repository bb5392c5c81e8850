import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {connect, pty, shell, until} from '../serve/helpers.js';
import {blog, cli, repo} from './run-cli.js';

test('serve: a log that is not a terminal gets no escape sequences, through a session and a shutdown', async () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-cli-serve-log-'));
	const child = spawn(process.execPath, [cli, 'serve', blog, '--port', '0', '--host', '127.0.0.1', '--host-key', path.join(folder, 'key')], {
		cwd: repo,
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: folder, XDG_DATA_HOME: folder},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		let output = '';
		const collect = (chunk: Buffer) => {
			output += chunk.toString('utf8');
		};

		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		await until(() => /listening on 127\.0\.0\.1:\d+/.test(output) || child.exitCode !== null, 15_000);
		const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
		assert.ok(port > 0, output);
		// A session loads Ink, which is what wrote the cursor escape on exit.
		const session = await shell(await connect(port), pty);
		await session.waitFor('q quit');
		session.channel.write('q');
		await session.exit;
		await until(() => output.includes(' disconnect '));
		const closed = once(child, 'close');
		child.kill('SIGTERM');
		const [code] = await closed;
		assert.equal(code, 0, output);
		assert.ok(!output.includes('\u001B'), JSON.stringify(output));
	} finally {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
		}

		rmSync(folder, {recursive: true, force: true});
	}
});
