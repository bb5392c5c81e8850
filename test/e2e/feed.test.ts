import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {startFeedServer} from '../sources/feed-server.js';
import {hasTmux, startTmux, type TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const skip = !hasTmux() && 'tmux is not installed';
const slow = 20_000;

function statusLine(screen: string): string {
	return screen.replace(/\n+$/, '').split('\n').findLast(line => line.trim() !== '') ?? '';
}

async function quit(session: TmuxSession): Promise<void> {
	session.send('q');
	await session.waitFor(() => session.exited(), 5000);
	assert.equal(session.exitStatus(), 0);
}

test('a served feed in the browser: list, open, jump menu, search, a link to another item, refresh, then the offline copy once the server is gone', {skip}, async () => {
	const server = await startFeedServer();
	const home = mkdtempSync(path.join(tmpdir(), 'blog-tui-feed-e2e-'));
	const env = {HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: path.join(home, 'cache')};
	const args = ['node', cli, server.url('/rss.xml'), server.url('/feed.json')];
	let session = startTmux(args, {columns: 100, rows: 30, env});
	try {
		const list = await session.waitFor(screen => screen.includes('Compost that actually heats up') && screen.includes('Counting scheduler ticks'), slow);
		assert.match(list, /blog-tui · Field Notes from the Allotment \+ Small Kernel Notes/, 'the header names the feeds');
		assert.match(list, /compost/);

		session.send('/');
		session.send('compost', {literal: true});
		await session.waitFor(screen => !screen.includes('Counting scheduler ticks'));
		session.send('Enter');
		session.send('Enter');
		await session.waitFor('For two winters the heap sat at air temperature', slow);

		session.send('t');
		await session.waitFor(screen => screen.includes('The ratio') && screen.includes('Measuring') && !screen.includes('For two winters'));
		session.send('meas', {literal: true});
		await session.waitFor(screen => !screen.includes('The ratio'));
		session.send('Enter');
		await session.waitFor(screen => /readings = \[41, 48, 55, 61\]/.test(screen) && !screen.includes('For two winters'));

		session.send('/');
		session.send('cardboard', {literal: true});
		session.send('Enter');
		await session.waitFor(screen => /\b1\/2\b/.test(statusLine(screen)));
		session.send('Escape');

		// Tab to the link to the other item of the feed; Enter opens it here, not in a browser.
		let named = '';
		for (let presses = 0; presses < 12 && !named.includes('seed-tray-mould'); presses++) {
			session.send('Tab');
			const screen = await session.waitFor(text => /→ (\S+)/.exec(statusLine(text))?.[1] !== undefined && /→ (\S+)/.exec(statusLine(text))![1] !== named);
			named = /→ (\S+)/.exec(statusLine(screen))![1]!;
		}

		assert.match(named, /seed-tray-mould\.html$/);
		session.send('Enter');
		await session.waitFor('The fuzz is mould from standing water.', slow);

		session.send('Escape');
		session.send('Escape');
		// Back in the list itself (the reader's header names the post too): its header counts the posts.
		await session.waitFor(screen => screen.includes('1 of 4 posts') && screen.includes('Compost that actually heats up'));
		const before = server.hits.get('/rss.xml') ?? 0;
		session.send('r');
		await session.waitFor(() => (server.notModified.get('/rss.xml') ?? 0) >= 1, slow);
		assert.equal(server.hits.get('/rss.xml'), before + 1);
		await quit(session);
		session.kill();

		await server.close();
		session = startTmux(args, {columns: 100, rows: 30, env});
		const offline = await session.waitFor(screen => screen.includes('Compost that actually heats up') && /offline copy, [^·]+ old · Field Notes/.test(screen), slow);
		assert.match(offline, /Counting scheduler ticks/);
		session.send('Enter');
		await session.waitFor('For two winters the heap sat at air temperature', slow);
		await quit(session);
	} finally {
		session.kill();
		await server.close().catch(() => undefined);
		rmSync(home, {recursive: true, force: true});
	}
});
