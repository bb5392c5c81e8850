import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'node:test';
import {blog, cli, repo} from './run-cli.js';

test('serve: the flags reach the server — address, port, host key file, authorized keys', async () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-cli-serve-'));
	const keys = path.join(folder, 'authorized_keys');
	writeFileSync(keys, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPEhI2w5fLadaufnyS7lLEmGGnUJBX/14xQe9h6MFywk reader@example\n');
	const child = spawn(process.execPath, [cli, 'serve', blog, '--port', '0', '--host', '127.0.0.1', '--host-key', path.join(folder, 'key'), '--authorized-keys', keys, '--max-sessions', '3'], {
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
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				reject(new Error(`no announcement in 15 s:\n${output}`));
			}, 15_000);
			const check = () => {
				if (/fingerprint/.test(output)) {
					clearTimeout(timer);
					resolve();
				}
			};

			child.stdout.on('data', check);
			child.stderr.on('data', check);
			child.on('exit', code => {
				clearTimeout(timer);
				reject(new Error(`serve exited with ${code}:\n${output}`));
			});
		});
		assert.match(output, /listening on 127\.0\.0\.1:\d+ \(keys in .*authorized_keys\)/);
		assert.ok(output.includes(`host key ${path.join(folder, 'key')}`), output);
		assert.match(output, /fingerprint ED25519 SHA256:/);
		child.removeAllListeners('exit');
		const closed = once(child, 'close');
		child.kill('SIGTERM');
		const [code] = await closed;
		assert.equal(code, 0, `SIGTERM ends the server cleanly:\n${output}`);
	} finally {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
		}

		rmSync(folder, {recursive: true, force: true});
	}
});
