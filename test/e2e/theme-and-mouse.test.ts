import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const posts = fileURLToPath(new URL('../../posts', import.meta.url));
const skip = !hasTmux() && 'tmux is not installed';

/** The list's first screen with its colours, as tmux shows it, in a pane of this background. */
async function listScreen(theme: string, background: string): Promise<string> {
	const session = startTmux(['node', cli, posts, '--theme', theme, '--no-state', '--no-cache'], {columns: 100, rows: 30, background, env: {COLORTERM: 'truecolor'}});
	try {
		await session.waitFor('Getting started with blog-tui', 30_000);
		// The list is drawn whole when its footer is.
		await session.waitFor(/\? help/, 30_000);
		return session.screen({escapes: true});
	} finally {
		session.kill();
	}
}

test('--theme auto in a real terminal: tmux answers OSC 11 with its pane background, and the list takes the matching theme', {skip, timeout: 180_000}, async () => {
	const light = await listScreen('light', '#ffffff');
	const dark = await listScreen('dark', '#ffffff');
	assert.notEqual(light, dark, 'the two themes colour the list differently');
	assert.equal(await listScreen('auto', '#ffffff'), light, 'a white pane: the light theme');
	assert.equal(await listScreen('auto', '#000000'), dark, 'a black pane: the dark theme');
});

test('mouse in a real terminal: the browser asks for SGR reports, a click selects a row, a second opens it, the wheel scrolls', {skip, timeout: 120_000}, async () => {
	const session = startTmux(['node', cli, posts, '--no-state', '--no-cache'], {columns: 100, rows: 30});
	try {
		const screen = await session.waitFor(/\? help/, 30_000);
		assert.equal(session.pane('#{mouse_sgr_flag}'), '1', 'SGR mouse mode is on');
		const lines = screen.split('\n');
		const row = lines.findIndex(line => line.includes('Reading over SSH'));
		assert.ok(row > 0, 'the SSH post is listed');
		const column = lines[row]!.indexOf('Reading over SSH') + 2;
		const click = `\u001B[<0;${column};${row + 1}M\u001B[<0;${column};${row + 1}m`;
		// A click reaches the app as these bytes on its input, as a person's click does through tmux.
		const rowBefore = session.screen({escapes: true}).split('\n')[row];
		session.send(click, {literal: true});
		await session.waitFor(() => session.screen({escapes: true}).split('\n')[row] !== rowBefore, 30_000);
		assert.doesNotMatch(session.screen(), /Some readers live in a terminal/, 'one click only selects');
		session.send(click, {literal: true});
		await session.waitFor('Some readers live in a terminal', 30_000);
		const before = session.screen();
		session.send('\u001B[<65;10;10M'.repeat(3), {literal: true});
		await session.waitFor(text => text !== before, 30_000);
		session.send('q');
		await session.waitFor(() => session.exited(), 30_000);
		assert.equal(session.pane('#{mouse_sgr_flag}'), '0', 'mouse reports turned off on leaving');
	} finally {
		session.kill();
	}
});
