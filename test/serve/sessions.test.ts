import assert from 'node:assert/strict';
import path from 'node:path';
import type net from 'node:net';
import {test} from 'node:test';
import ssh2, {type Client, type ParsedKey} from 'ssh2';
import {loadOrCreateHostKey} from '../../source/serve/host-key.js';
import {createSshServer, defaultLimits} from '../../source/serve/ssh-server.js';
import {staticLibrary} from '../../source/ui/services.js';
import {loadLibrary} from '../../source/content/load-library.js';
import {connect, makePosts, pty, shell, startTestServer, tempDir, until, writePost} from './helpers.js';

const sgr = /\u001B\[[\d;:]*m/;

/** An agent to forward; it holds no key, so logging in falls back to `none`. */
class NoKeysAgent extends ssh2.BaseAgent {
	override getIdentities(callback: (error: Error | undefined, keys?: ParsedKey[]) => void): void {
		callback(undefined, []);
	}

	override sign(_key: ParsedKey, _data: Buffer, _options: unknown, callback?: (error?: Error) => void): void {
		callback?.(new Error('no keys'));
	}
}

function socketOf(client: Client): net.Socket {
	return (client as unknown as {_sock: net.Socket})._sock;
}

test('X11 and agent forwarding are refused', async () => {
	const server = await startTestServer();
	try {
		const client = await connect(server.port);
		const x11 = await new Promise<Error | undefined>(resolve => {
			client.shell(pty, {x11: true}, error => {
				resolve(error);
			});
		});
		assert.ok(x11, 'an X11 request must fail');
		client.end();

		const agent = await connect(server.port, {agent: new NoKeysAgent(), agentForward: true});
		const forwarded = await new Promise<Error | undefined>(resolve => {
			agent.shell(pty, error => {
				resolve(error);
			});
		});
		assert.ok(forwarded, 'an agent forwarding request must fail');
		agent.end();
	} finally {
		await server.close();
	}
});

test('colour follows each client\'s own TERM and NO_COLOR, whatever the server\'s stdout is', async () => {
	const server = await startTestServer();
	try {
		const coloured = await shell(await connect(server.port), pty, {TERM: 'xterm-256color'});
		const plain = await shell(await connect(server.port), pty, {NO_COLOR: '1'});
		const dumb = await shell(await connect(server.port), {...pty, term: 'dumb'});
		for (const session of [coloured, plain, dumb]) {
			await session.waitFor('Alpha post about ferns');
		}

		assert.match(coloured.text(), sgr, 'xterm-256color gets colour');
		// no-color.org forbids colour, not attributes: the selected row must still show.
		assert.doesNotMatch(plain.text(), /\u001B\[(?:[\d;]*;)?(?:3\d|4\d|9[0-7]|10[0-7])(?:;[\d;]*)?m/, 'NO_COLOR gets no colour');
		assert.match(plain.text(), /\u001B\[7m/, 'NO_COLOR keeps inverse for the selected row');
		assert.doesNotMatch(dumb.text(), sgr, 'TERM=dumb gets none');
	} finally {
		await server.close();
	}
});

test('window-change resizes that session only', async () => {
	const server = await startTestServer();
	try {
		const resized = await shell(await connect(server.port), pty);
		const other = await shell(await connect(server.port), pty);
		await resized.waitFor('Alpha post about ferns');
		await other.waitFor('Alpha post about ferns');
		resized.channel.setWindow(5, 15, 0, 0);
		await resized.waitFor('too small');
		const drawn = resized.text().length;
		resized.channel.setWindow(30, 100, 0, 0);
		await until(() => resized.text().slice(drawn).includes('Alpha post about ferns'));
		assert.doesNotMatch(other.text(), /too small/);
	} finally {
		await server.close();
	}
});

test('a post added on disk reaches every open session', async () => {
	const server = await startTestServer();
	try {
		const sessions = await Promise.all([shell(await connect(server.port), pty), shell(await connect(server.port), pty)]);
		for (const session of sessions) {
			await session.waitFor('Alpha post about ferns');
		}

		writePost(server.posts, 'gamma.md', 'Gamma post about lichen', '2024-04-01');
		for (const session of sessions) {
			await session.waitFor('Gamma post about lichen', 15_000);
		}
	} finally {
		await server.close();
	}
});

test('a frozen client that stops answering keepalives is torn down', {timeout: 20_000}, async () => {
	const server = await startTestServer({}, {keepaliveIntervalMs: 200, keepaliveCountMax: 2});
	try {
		const client = await connect(server.port);
		client.on('error', () => undefined);
		const session = await shell(client, pty);
		await session.waitFor('Alpha post about ferns');
		// The client stops reading, so it never answers the server's keepalive requests.
		socketOf(client).pause();
		await until(() => server.stats().sessions === 0 && server.stats().connections === 0);
		await until(() => server.logs.some(line => line.endsWith('reason="keepalive timeout"')));
		socketOf(client).destroy();
	} finally {
		await server.close();
	}
});

test('a client that stops reading is dropped once its unsent output passes the bound', {timeout: 280_000}, async () => {
	const server = await startTestServer({}, {maxBuffered: 64 * 1024, keepaliveIntervalMs: 0});
	try {
		// A tall screen of full rows, under the size whose frames the server paces: each jump between
		// the top and the bottom of the list redraws every row, about ten kilobytes, so the client's
		// 2 MB channel window fills within a few hundred jumps.
		for (let index = 0; index < 120; index++) {
			writePost(server.posts, `filler-${index}.md`, `Filler post number ${index} ${'with a long title '.repeat(8)}`, '2023-01-01');
		}

		const client = await connect(server.port);
		client.on('error', () => undefined);
		const session = await shell(client, {...pty, cols: 99, rows: 100});
		await until(() => new Set(session.text().match(/Filler post number \d+/g)).size >= 80, 45_000);
		socketOf(client).pause();
		// The client still writes, and the server draws a whole screen for each key to a reader who never
		// reads. It goes on until the server drops the session: a frame costs the server about 0.1 s here
		// and several times that on a busy machine, so the bound is only there to report a real failure.
		for (let round = 0, deadline = Date.now() + 240_000; server.stats().sessions > 0 && Date.now() < deadline; round++) {
			session.channel.write(round % 2 === 0 ? 'G' : 'g');
			await new Promise(resolve => setTimeout(resolve, 10));
		}

		await until(() => server.stats().sessions === 0 && server.stats().connections === 0);
		assert.ok(server.logs.some(line => line.endsWith('reason="slow client (output not read)"')), server.logs.join('\n'));
		socketOf(client).destroy();
	} finally {
		await server.close();
	}
});

test('an exception inside one session ends that session only', async () => {
	const posts = makePosts();
	const library = await loadLibrary(posts);
	const keyDir = tempDir('key');
	let sessions = 0;
	let breakFirst: (() => void) | undefined;
	const server = createSshServer({
		hostKey: loadOrCreateHostKey(path.join(keyDir, 'host_ed25519')).privateKey,
		authorizedKeys: undefined,
		limits: {...defaultLimits, idleTimeoutMs: 0, maxDurationMs: 0},
		appFor() {
			const source = staticLibrary(library);
			if (sessions++ > 0) {
				return {source, loadArticle: async () => assert.fail('not opened'), readingWidth: undefined, showDrafts: false, textStyle: {colour: true, attributes: true}, mouse: true, outline: true};
			}

			let broken = false;
			const listeners = new Set<() => void>();
			breakFirst = () => {
				broken = true;
				for (const listener of listeners) {
					listener();
				}
			};

			return {
				source: {
					current() {
						if (broken) {
							throw new Error('library exploded');
						}

						return library;
					},
					subscribe(listener) {
						listeners.add(listener);
						return () => listeners.delete(listener);
					},
				},
				loadArticle: async () => assert.fail('not opened'),
				readingWidth: undefined,
				showDrafts: false,
				textStyle: {colour: true, attributes: true}, mouse: true, outline: true,
			};
		},
		colourFor: () => false,
		log: () => undefined,
	});
	try {
		const {port} = await server.listen(0, '127.0.0.1');
		const first = await shell(await connect(port), pty);
		const second = await shell(await connect(port), pty);
		await first.waitFor('Alpha post about ferns');
		await second.waitFor('Alpha post about ferns');
		breakFirst!();
		assert.equal(await first.exit, 1);
		assert.doesNotMatch(first.text(), /library exploded|sessions\.test\.ts|ERROR/, 'server internals are not shown to the reader');
		assert.match(first.text(), /\u001B\[\?1049lSomething went wrong showing this blog, so this session was closed\. Please reconnect\.\r\n$/);
		second.channel.write('j');
		await second.waitFor('Beta post about moss');
		assert.equal(server.stats().sessions, 1);
	} finally {
		await server.close();
	}
});

test('readers see the folder name in the header, never where it lives on the server', async () => {
	const server = await startTestServer();
	try {
		const session = await shell(await connect(server.port), pty);
		await session.waitFor('Alpha post about ferns');
		assert.ok(session.text().includes(path.basename(server.posts)), 'the folder name is shown');
		assert.ok(!session.text().includes(path.dirname(server.posts)), 'its parent path is not');
	} finally {
		await server.close();
	}
});
