import assert from 'node:assert/strict';
import {mkdirSync, renameSync, rmSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {loadOrCreateHostKey} from '../../source/serve/host-key.js';
import type {ServeOptions} from '../../source/serve/options.js';
import {startServer} from '../../source/serve/serve.js';
import {connect, pty, serveOptions, shell, tempDir, writePost} from './helpers.js';

type Served = {port: number; logs: string[]; keyFile: string; close: () => Promise<void>};

/** A real server on `root` as given (a folder, a symlink to one, or a path that does not exist yet). */
async function serveRoot(root: string, options: Partial<ServeOptions> = {}): Promise<Served> {
	const keyDir = tempDir('key');
	const hostKey = loadOrCreateHostKey(path.join(keyDir, 'host_ed25519'));
	const logs: string[] = [];
	const {server, close} = startServer(root, serveOptions(options), hostKey.privateKey, line => logs.push(line));
	const address = await server.listen(0, '127.0.0.1');
	return {
		port: address.port,
		logs,
		keyFile: hostKey.file,
		async close() {
			await close();
			rmSync(keyDir, {recursive: true, force: true});
		},
	};
}

test('without --drafts a link from a published post to a draft does not open the draft', async () => {
	const folder = tempDir('drafts');
	writePost(folder, 'notice.md', 'A published notice', '2024-05-01', 'Read [the plans](plans.md) soon.\n');
	// writePost has no draft field: it goes in with the title.
	writePost(folder, 'plans.md', 'Secret plans\ndraft: true', '2024-04-01', 'The launch is on Friday.\n');
	for (const drafts of [false, true]) {
		const server = await serveRoot(folder, {drafts});
		try {
			const session = await shell(await connect(server.port), pty);
			await session.waitFor('A published notice');
			session.channel.write('\r');
			// The list's preview shows the first line too: the status bar says the article is drawn.
			await session.waitFor('tab links');
			session.channel.write('\t');
			await session.waitFor(/→(?:\u001B\[[\d;]*m)* ?(?:\u001B\[[\d;]*m)*plans\.md/);
			await delay(100);
			session.channel.write('\r');
			if (drafts) {
				await session.waitFor('The launch is on Friday');
			} else {
				await session.waitFor('no post for plans.md');
				assert.doesNotMatch(session.text(), /launch is on Friday/);
			}

			session.channel.close();
		} finally {
			await server.close();
		}
	}

	rmSync(folder, {recursive: true, force: true});
});

test('serve lists no file whose real path is outside the folder: the host key, /etc/passwd, a folder elsewhere', async () => {
	const folder = tempDir('links');
	const outside = tempDir('outside');
	writePost(folder, 'alpha.md', 'Alpha post about ferns', '2024-03-01');
	writePost(outside, 'private.md', 'Private notes from elsewhere', '2024-06-01');
	symlinkSync('/etc/passwd', path.join(folder, 'passwd.md'));
	symlinkSync(outside, path.join(folder, 'elsewhere'));
	const server = await serveRoot(folder);
	symlinkSync(server.keyFile, path.join(folder, 'hostkey.md'));
	try {
		const session = await shell(await connect(server.port), pty);
		await session.waitFor('Alpha post about ferns');
		// The host key link came after the first read: wait for the re-read that sees it.
		await session.waitFor('3 problems', 15_000);
		const seen = session.text();
		for (const leak of ['Private notes', 'root:', 'PRIVATE KEY', outside]) {
			assert.ok(!seen.includes(leak), `${leak} reached the reader`);
		}

		session.channel.close();
	} finally {
		await server.close();
		rmSync(folder, {recursive: true, force: true});
		rmSync(outside, {recursive: true, force: true});
	}
});

test('the served folder removed and made again: readers see its name only, then the new posts', async () => {
	const folder = tempDir('site');
	writePost(folder, 'alpha.md', 'Alpha post about ferns', '2024-03-01');
	const server = await serveRoot(folder);
	try {
		const session = await shell(await connect(server.port), pty);
		await session.waitFor('Alpha post about ferns');
		rmSync(folder, {recursive: true, force: true});
		await session.waitFor(`${path.basename(folder)} does not exist`, 15_000);
		await delay(200);
		// The problem row opened: what it says about the folder.
		session.channel.write('\r');
		await session.waitFor('Problem');
		assert.ok(!session.text().includes(folder), 'the server\'s absolute path reached the reader');

		mkdirSync(folder);
		writePost(folder, 'beta.md', 'Beta post after the deploy', '2024-04-01');
		session.channel.write('\u001B');
		await session.waitFor('Beta post after the deploy', 15_000);
		session.channel.close();
	} finally {
		await server.close();
		rmSync(folder, {recursive: true, force: true});
	}
});

test('a served root that is a symlink switched to a new release is followed', async () => {
	const base = tempDir('releases');
	mkdirSync(path.join(base, 'release-1'));
	mkdirSync(path.join(base, 'release-2'));
	writePost(path.join(base, 'release-1'), 'alpha.md', 'Alpha in release one', '2024-03-01');
	writePost(path.join(base, 'release-2'), 'beta.md', 'Beta in release two', '2024-04-01');
	symlinkSync('release-1', path.join(base, 'current'));
	const server = await serveRoot(path.join(base, 'current'));
	try {
		const session = await shell(await connect(server.port), pty);
		await session.waitFor('Alpha in release one');
		symlinkSync('release-2', path.join(base, 'current.next'));
		renameSync(path.join(base, 'current.next'), path.join(base, 'current'));
		await session.waitFor('Beta in release two', 15_000);
		session.channel.close();
	} finally {
		await server.close();
		rmSync(base, {recursive: true, force: true});
	}
});
