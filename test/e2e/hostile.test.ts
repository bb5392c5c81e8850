import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

// marked takes seconds to minutes on these, or overflows its stack (see stack-notes in the issue).
const pathological: Record<string, string> = {
	'slow-underscores': '__a'.repeat(33_000),
	'deep-quotes': '>'.repeat(2000),
	'emphasis-runs': '*a **a '.repeat(800),
	'deep-lists': `${'- '.repeat(500)}x`,
	'brackets': `${'['.repeat(5000)}x${']'.repeat(5000)}`,
};

test('every pathological post opens and the app keeps answering keys: Esc is back in the list at once, q quits', {skip: !hasTmux() && 'tmux is not installed', timeout: 180_000}, async () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-pathological-'));
	for (const [index, [name, body]] of Object.entries(pathological).entries()) {
		writeFileSync(path.join(folder, `${name}.md`), `---\ntitle: Pathological ${name}\ndate: 2024-01-${String(10 + index).padStart(2, '0')}\n---\n\n${body}\n`);
	}

	const session = startTmux(['node', cli, '--no-state', folder], {columns: 100, rows: 30});
	try {
		await session.waitFor('Pathological brackets', 20_000);
		for (const name of Object.keys(pathological)) {
			session.send('/');
			session.send(name, {literal: true});
			session.send('Enter');
			session.send('Enter');
			// The article header is drawn at once, whatever the renderer is doing in its worker.
			await session.waitFor(screen => /^ Pathological/.test(screen.split('\n')[0] ?? '') && !screen.includes('newest first'), 10_000);
			session.send('Escape');
			await session.waitFor(screen => screen.includes('newest first'), 3000);
			// Waited for, or the next key arrives with this Esc in one read and is taken as Alt+key.
			session.send('Escape');
			await session.waitFor(screen => !(screen.split('\n')[0] ?? '').includes('filter:'), 3000);
		}

		// Opened again, the slowest one ends as plain text within its time budget, not never.
		session.send('/');
		session.send('slow-underscores', {literal: true});
		session.send('Enter');
		session.send('Enter');
		await session.waitFor(screen => screen.includes('__a__a'), 30_000);
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 0);
	} finally {
		session.kill();
		rmSync(folder, {recursive: true, force: true});
	}
});
