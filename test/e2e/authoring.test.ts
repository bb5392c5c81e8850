import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const skip = !hasTmux() && 'tmux is not installed';

function post(title: string, line: string): string {
	return `---\ntitle: ${title}\ndate: 2026-01-0${title.length % 9 + 1}\n---\n\nIntroduction.\n\n## Part\n\n${line}\n`;
}

function blog(): string {
	const root = mkdtempSync(path.join(tmpdir(), 'blog-tui-authoring-e2e-'));
	writeFileSync(path.join(root, 'draft.md'), post('Work in progress', 'Version zero.'));
	writeFileSync(path.join(root, 'other.md'), post('Another post', 'Other text.'));
	return root;
}

test('atomic saves (sed -i twice, write-temp-then-mv three times) each show in the open article; reopening shows the last', {skip}, async () => {
	const root = blog();
	const file = path.join(root, 'draft.md');
	const session = startTmux(['node', cli, root], {columns: 80, rows: 24});
	try {
		await session.waitFor('Work in progress');
		session.send('/');
		session.send('progress', {literal: true});
		await session.waitFor(text => !text.includes('Another post'));
		session.send('Enter');
		session.send('Enter');
		await session.waitFor('Version zero.');
		for (const version of ['one', 'two']) {
			execFileSync('sed', ['-i', `s/^Version .*/Version ${version} by sed./`, file]);
			await session.waitFor(`Version ${version} by sed.`, 10_000);
		}

		for (const version of ['three', 'four', 'five']) {
			writeFileSync(`${file}.tmp`, post('Work in progress', `Version ${version} by mv.`));
			renameSync(`${file}.tmp`, file);
			await session.waitFor(`Version ${version} by mv.`, 10_000);
		}

		session.send('Escape');
		await session.waitFor('1 of 2 posts');
		session.send('Enter');
		const screen = await session.waitFor('Version five by mv.');
		assert.doesNotMatch(screen, /Version (zero|one|two|three|four)/);
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 0);
	} finally {
		session.kill();
		rmSync(root, {recursive: true, force: true});
	}
});
