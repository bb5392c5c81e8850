import assert from 'node:assert/strict';
import path from 'node:path';
import {rmSync} from 'node:fs';
import {test} from 'node:test';
import {loadOrCreateHostKey} from '../../source/serve/host-key.js';
import {startServer} from '../../source/serve/serve.js';
import {startFeedServer} from '../sources/feed-server.js';
import {connect, pty, serveOptions, shell, tempDir} from './helpers.js';

test('serve serves a feed: a reader over SSH sees its posts and opens one', async () => {
	const feeds = await startFeedServer();
	const folder = tempDir('serve-feed');
	// The server keeps its offline copy where the environment says, as the CLI does.
	process.env['XDG_CACHE_HOME'] = path.join(folder, 'cache');
	const hostKey = loadOrCreateHostKey(path.join(folder, 'host_ed25519'));
	const {server, close} = startServer([{kind: 'url', url: feeds.url('/atom.xml')}], serveOptions(), hostKey.privateKey, () => undefined);
	try {
		const {port} = await server.listen(0, '127.0.0.1');
		const session = await shell(await connect(port), pty);
		await session.waitFor('Night train to the coast', 15_000);
		await session.waitFor('Rail & Road Journal');
		session.channel.write('\r');
		// The list shows the first post's summary too: wait for what only the article has.
		await session.waitFor('1 min read', 15_000);
		session.channel.write('q');
		assert.equal(await session.exit, 0);
	} finally {
		await close();
		await feeds.close();
		delete process.env['XDG_CACHE_HOME'];
		rmSync(folder, {recursive: true, force: true});
	}
});
