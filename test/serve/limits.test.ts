import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {connect, pty, shell, startTestServer, until} from './helpers.js';

test('the global cap: the next session gets a polite busy message, and a place frees when one leaves', async () => {
	const server = await startTestServer({maxSessions: 2, maxPerIp: 10});
	try {
		const clients = await Promise.all([connect(server.port), connect(server.port), connect(server.port)]);
		const [a, b] = await Promise.all([shell(clients[0]!, pty), shell(clients[1]!, pty)]);
		await a.waitFor('Alpha post');
		await b.waitFor('Alpha post');
		const refused = await shell(clients[2]!, pty);
		assert.equal(await refused.exit, 1);
		assert.match(refused.stderr(), /This blog is busy right now: all 2 reading places are taken/);
		a.channel.write('q');
		await a.exit;
		await until(() => server.stats().sessions === 1);
		const again = await shell(await connect(server.port), pty);
		await again.waitFor('Alpha post');
		clients[2]!.end();
		await until(() => server.logs.some(line => / disconnect ip=127\.0\.0\.1 user="reader" duration=[\d.]+s reason="refused: busy"$/.test(line)));
		await until(() => server.logs.some(line => / disconnect .* reason="quit"$/.test(line)));
	} finally {
		await server.close();
	}
});

test('the per-address cap refuses a second session from the same IP', async () => {
	const server = await startTestServer({maxSessions: 10, maxPerIp: 1});
	try {
		const first = await shell(await connect(server.port), pty);
		await first.waitFor('Alpha post');
		const second = await shell(await connect(server.port), pty);
		assert.equal(await second.exit, 1);
		assert.match(second.stderr(), /You already have 1 session open on this blog; close one to open another/);
	} finally {
		await server.close();
	}
});

test('idle timeout ends a session that gets no keys, and says so after leaving the alternate screen', async () => {
	const server = await startTestServer({}, {idleTimeoutMs: 600});
	try {
		const session = await shell(await connect(server.port), pty);
		await session.waitFor('Alpha post');
		assert.equal(await session.exit, 1);
		assert.match(session.text(), /\u001B\[\?1049lSession closed after 1 second without a key press/, JSON.stringify(session.text().slice(-200)));
		await until(() => server.stats().sessions === 0);
		await until(() => server.logs.some(line => line.endsWith('reason="idle timeout"')));
	} finally {
		await server.close();
	}
});

test('keys keep a session alive past the idle timeout; max duration ends it anyway', async () => {
	const server = await startTestServer({}, {idleTimeoutMs: 800, maxDurationMs: 2000});
	try {
		const session = await shell(await connect(server.port), pty);
		await session.waitFor('Alpha post');
		let open = true;
		void session.exit.then(() => {
			open = false;
		});
		// Bounded: at most 12 keys, one every 300 ms, well inside the idle timeout each time.
		for (let index = 0; index < 12 && open; index++) {
			session.channel.write(index % 2 === 0 ? 'j' : 'k');
			await new Promise(resolve => setTimeout(resolve, 300));
		}

		assert.equal(await session.exit, 1);
		assert.match(session.text(), /Session closed: sessions last at most 2 seconds/);
		await until(() => server.logs.some(line => line.endsWith('reason="max duration"')));
	} finally {
		await server.close();
	}
});

test('a connection that never authenticates is dropped at the pre-auth timeout', {timeout: 15_000}, async () => {
	const server = await startTestServer({}, {preAuthTimeoutMs: 400});
	try {
		const socket = net.connect(server.port, '127.0.0.1');
		socket.on('error', () => undefined);
		// Read (and drop) the server's banner, or the close that follows it is never seen.
		socket.resume();
		const closed = new Promise<void>(resolve => socket.on('close', () => {
			resolve();
		}));
		await closed;
		await until(() => server.stats().connections === 0);
		assert.ok(server.logs.some(line => / refused ip=127\.0\.0\.1 reason="not authenticated in time"$/.test(line)), server.logs.join('\n'));
	} finally {
		await server.close();
	}
});

test('50 abrupt disconnects leave no session behind and the heap does not grow', async () => {
	const server = await startTestServer();
	const {setFlagsFromString} = await import('node:v8');
	const {runInNewContext} = await import('node:vm');
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	const round = async (count: number) => {
		// Ten at a time: bounded concurrency on a shared machine.
		for (let done = 0; done < count; done += 10) {
			await Promise.all(Array.from({length: Math.min(10, count - done)}, async () => {
				const client = await connect(server.port);
				client.on('error', () => undefined);
				const session = await shell(client, pty);
				await session.waitFor('Alpha post');
				(client as unknown as {_sock: net.Socket})._sock.destroy();
			}));
		}

		await until(() => server.stats().sessions === 0 && server.stats().connections === 0);
	};

	try {
		await round(10);
		gc();
		const before = process.memoryUsage().heapUsed;
		await round(50);
		gc();
		const growth = process.memoryUsage().heapUsed - before;
		assert.equal(server.stats().sessions, 0);
		assert.ok(growth < 8 * 1024 * 1024, `heap grew by ${Math.round(growth / 1024)} KB over 50 sessions`);
		assert.ok(process.listenerCount('beforeExit') < 5, 'no per-session process listener left');
	} finally {
		await server.close();
	}
});
