import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux} from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

// What `npx blog-tui` does for a reader: install the published tarball and run its bin.
test('the packed tarball installs a blog-tui command that opens on the bundled posts', {skip: !hasTmux() && 'tmux is not installed', timeout: 300_000}, async () => {
	const work = mkdtempSync(path.join(tmpdir(), 'blog-tui-pack-'));
	const session = {kill() {}};
	try {
		// Packed from a copy without dist/, so `prepare` must build the CLI itself, and the rebuild
		// cannot pull dist/ from under the other end-to-end tests running beside this one.
		const checkout = path.join(work, 'checkout');
		for (const entry of ['package.json', 'tsconfig.json', 'README.md', 'LICENSE', '.ci', 'source', 'posts']) {
			cpSync(path.join(root, entry), path.join(checkout, entry), {recursive: true});
		}

		symlinkSync(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
		const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], {cwd: checkout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})) as Array<{filename: string}>;
		const tarball = path.join(work, packed[0]!.filename);
		const prefix = path.join(work, 'prefix');
		execFileSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], {cwd: work, stdio: 'ignore'});
		const bin = path.join(prefix, 'bin', 'blog-tui');

		assert.match(execFileSync(bin, ['--version'], {encoding: 'utf8'}), /^\d+\.\d+\.\d+/);

		// Run from an empty folder: with no ./posts there, the bundled guide opens.
		const empty = path.join(work, 'empty');
		execFileSync('mkdir', ['-p', empty]);
		const running = startTmux([bin], {cwd: empty});
		Object.assign(session, running);
		await running.waitFor('Getting started with blog-tui', 20_000);
		running.send('q');
		await running.waitFor(() => running.exited(), 5000);
		assert.equal(running.exitStatus(), 0);
	} finally {
		session.kill();
		rmSync(work, {recursive: true, force: true});
	}
});
