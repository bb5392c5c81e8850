import assert from 'node:assert/strict';
import test from 'node:test';
import {hasTmux, startTmux} from '../e2e/tmux.js';
import {blog, cli, repo} from './run-cli.js';

const skip = !hasTmux() && 'tmux is not installed';

test('stdin a pipe, stdout a terminal: keys are read from the terminal itself', {skip}, async () => {
	const session = startTmux(['sh', '-c', `printf 'not keys' | '${process.execPath}' '${cli}' '${blog}'`], {columns: 100, rows: 24});
	try {
		await session.waitFor('Async Rust without tears');
		assert.ok(session.alternateScreen());
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 0);
	} finally {
		session.kill();
	}
});

test('stdin a pipe and no terminal to read keys from: one line saying so, exit 1', {skip}, async () => {
	// setsid leaves the process without a controlling terminal, so /dev/tty cannot be opened.
	const session = startTmux(['setsid', '-w', 'sh', '-c', `'${process.execPath}' '${cli}' '${blog}' < /dev/null`], {columns: 200, rows: 24});
	try {
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 1);
		assert.match(session.screen(), /^blog-tui: input is not a terminal and there is no terminal to read keys from — run blog-tui in a terminal, or print with blog-tui list \/ blog-tui read$/m);
	} finally {
		session.kill();
	}
});

/** Every SGR parameter that sets a colour (39 and 49 only restore the defaults). */
function colourParameters(screen: string): string[] {
	return [...screen.matchAll(/\u001B\[([\d;]*)m/g)].flatMap(([, parameters = '']) => parameters.split(';').filter(parameter => /^(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(parameter)));
}

test('NO_COLOR: the browser draws without a single colour, yet the selected row stays visible', {skip}, async () => {
	const session = startTmux([process.execPath, cli, blog], {columns: 100, rows: 24, env: {NO_COLOR: '1'}});
	try {
		await session.waitFor('Async Rust without tears');
		const screen = session.screen({escapes: true});
		assert.deepEqual(colourParameters(screen), []);
		// no-color.org forbids colour, not attributes: the selected row is drawn inverse.
		assert.match(screen, /\u001B\[[\d;]*\b7m/);
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
	} finally {
		session.kill();
	}
});

test('TERM=dumb: the list is printed instead of the full-screen browser', {skip}, async () => {
	const session = startTmux([process.execPath, cli, blog], {columns: 100, rows: 24, env: {TERM: 'dumb'}});
	try {
		const screen = await session.waitFor(() => session.exited(), 5000).then(() => session.screen());
		assert.equal(session.exitStatus(), 0);
		assert.match(screen, /^2025-01-15 {2}Async Rust without tears/m);
		assert.match(screen, /blog-tui: TERM=dumb cannot show the full-screen browser/);
		assert.equal(session.alternateScreen(), false);
	} finally {
		session.kill();
	}
});

test('--width sets the reading column of the browser, wider or narrower than the default 100', {skip}, async () => {
	for (const [width, check] of [[140, (widest: number) => widest > 100 && widest <= 140], [40, (widest: number) => widest <= 40]] as const) {
		const session = startTmux([process.execPath, cli, `${repo}/test/cli/fixtures/long-lines.md`, '--width', String(width)], {columns: 160, rows: 30});
		try {
			await session.waitFor('Long lines');
			session.send('Enter');
			const screen = await session.waitFor(text => text.includes('esc back') && text.includes('lazy dog'));
			const text = screen.split('\n').filter(line => line.includes('quick') || line.includes('lazy'));
			// At 160 columns the outline pane opens on the left: measure the reading column only.
			const widest = Math.max(...text.map(line => line.slice(line.lastIndexOf('│') + 1).trim().length));
			assert.ok(check(widest), `--width ${width}: widest text line ${widest}\n${screen}`);
			session.send('q');
			await session.waitFor(() => session.exited(), 5000);
		} finally {
			session.kill();
		}
	}
});
