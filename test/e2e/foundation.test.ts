import assert from 'node:assert/strict';
import {fileURLToPath} from 'node:url';
import {test} from 'node:test';
import {hasTmux, startTmux} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const fixtures = fileURLToPath(new URL('fixtures/foundation', import.meta.url));

test('list → open → back → quit in a real terminal', {skip: !hasTmux() && 'tmux is not installed'}, async () => {
	const session = startTmux(['node', cli, fixtures]);
	try {
		let screen = await session.waitFor('First light');
		assert.ok(session.alternateScreen(), 'the browser runs on the alternate screen');
		const rows = screen.split('\n');
		const newer = rows.findIndex(row => row.includes('First light'));
		const older = rows.findIndex(row => row.includes('Notes from an older winter'));
		assert.ok(newer >= 0 && older > newer, `newest first:\n${screen}`);
		assert.match(rows[newer]!, /2025-03-01/);

		session.send('Enter');
		screen = await session.waitFor('Ring Nebula');
		assert.match(screen, /The setup/);
		assert.doesNotMatch(screen, /Notes from an older winter/);

		session.send('Escape');
		screen = await session.waitFor('Notes from an older winter');
		assert.match(screen.split('\n').find(row => row.includes('First light'))!, /▸/, 'the same post is still selected');

		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 0);
		assert.equal(session.alternateScreen(), false, 'the terminal is back on the main screen');
		assert.ok(session.cursorVisible(), 'the cursor is visible again');
	} finally {
		session.kill();
	}
});

test('Ctrl-C quits with exit code 0 from the article view', {skip: !hasTmux() && 'tmux is not installed'}, async () => {
	const session = startTmux(['node', cli, fixtures]);
	try {
		await session.waitFor('First light');
		session.send(['Down', 'Enter']);
		// The reader's status bar: the first paragraph is also the list row's description.
		await session.waitFor(screen => screen.includes('older winter, so the list') && screen.includes('esc back'));
		session.send('C-c');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 0);
		assert.equal(session.alternateScreen(), false);
	} finally {
		session.kill();
	}
});
