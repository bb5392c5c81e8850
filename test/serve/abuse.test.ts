import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import type {Client, ClientChannel} from 'ssh2';
import {connect, pty, shell, startTestServer, until} from './helpers.js';

/** How often `text` occurs in `haystack`. */
function count(haystack: string, text: string): number {
	return haystack.split(text).length - 1;
}

test('a pty request and window changes of absurd sizes are drawn at most 1000×500, and the session goes on', async () => {
	const server = await startTestServer();
	try {
		const session = await shell(await connect(server.port), {...pty, cols: 4_294_967_295, rows: 4_294_967_295});
		await session.waitFor('Alpha post', 30_000);
		for (const [rows, cols] of [[1, 4_294_967_295], [100_000, 100_000], [24, 16_777_216], [0, 0]] as const) {
			session.channel.setWindow(rows, cols, 0, 0);
		}

		const mark = session.text().length;
		session.channel.setWindow(5, 20, 0, 0);
		await until(() => session.text().slice(mark).includes('too small'), 30_000);
		session.channel.setWindow(30, 100, 0, 0);
		await until(() => session.text().slice(mark).includes('Alpha post'), 30_000);
	} finally {
		await server.close();
	}
});

test('a flood of window changes is drawn a few times, at the latest size, not once per change', async () => {
	const server = await startTestServer();
	try {
		const session = await shell(await connect(server.port), pty);
		await session.waitFor('Alpha post');
		const mark = session.text().length;
		// 2,000 changes (about 100 KB): each would be a full redraw without coalescing.
		for (let index = 0; index < 2000; index++) {
			session.channel.setWindow(30, index % 2 === 0 ? 90 : 100, 0, 0);
		}

		session.channel.setWindow(5, 20, 0, 0);
		await until(() => session.text().slice(mark).includes('too small'), 60_000);
		const frames = count(session.text().slice(mark), 'Alpha post about ferns');
		assert.ok(frames < 200, `${frames} frames drawn for 2,000 window changes`);
	} finally {
		await server.close();
	}
});

test('a key flood from one session is cut to its budget (and logged once); another reader still gets the list', async () => {
	const server = await startTestServer();
	try {
		const flooder = await shell(await connect(server.port), pty);
		await flooder.waitFor('Alpha post');
		// 512 KB of `j`, in 16 KB writes that wait for the channel to drain: bounded for a shared machine.
		const chunk = 'j'.repeat(16 * 1024);
		for (let index = 0; index < 32; index++) {
			if (!flooder.channel.write(chunk)) {
				await new Promise(resolve => flooder.channel.once('drain', resolve));
			}
		}

		const reader = await shell(await connect(server.port), pty);
		await reader.waitFor('Alpha post', 30_000);
		await until(() => server.logs.some(line => / refused ip=127\.0\.0\.1 user="reader" reason="keyboard input over the budget dropped"$/.test(line)), 30_000);
		assert.equal(server.logs.filter(line => line.includes('keyboard input')).length, 1, server.logs.join('\n'));
	} finally {
		await server.close();
	}
});

/** Opens `count` TCP connections from `localAddress` that never say a word; each is reopened when dropped. */
function silentFlood(port: number, localAddress: string, count: number): {stop: () => void; opened: () => number} {
	let stopped = false;
	let opened = 0;
	const sockets = new Set<net.Socket>();
	const open = () => {
		if (stopped) {
			return;
		}

		opened++;
		const socket = net.connect({port, host: '127.0.0.1', localAddress});
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.resume();
		socket.on('close', () => {
			sockets.delete(socket);
			setTimeout(open, 20);
		});
	};

	for (let index = 0; index < count; index++) {
		open();
	}

	return {
		stop() {
			stopped = true;
			for (const socket of sockets) {
				socket.destroy();
			}
		},
		opened: () => opened,
	};
}

test('silent connections from one address cannot lock others out, and their refusals are summed up in the log', async () => {
	// Caps as a server for 5 sessions has them; the flood holds more connections than all of them.
	const server = await startTestServer({maxSessions: 5, maxPerIp: 5}, {logIntervalMs: 1000});
	const flood = silentFlood(server.port, '127.0.0.2', 30);
	try {
		await until(() => flood.opened() > 80, 30_000);
		const reader = await shell(await connect(server.port), pty);
		await reader.waitFor('Alpha post', 30_000);
		await until(() => server.logs.some(line => /refused ip=various reason="too many unauthenticated connections from this address" repeated=\d+$/.test(line)), 30_000);
		const written = server.logs.filter(line => / refused ip=127\.0\.0\.2 /.test(line)).length;
		const summed = server.logs.map(line => Number(/ repeated=(\d+)$/.exec(line)?.[1] ?? 0)).reduce((sum, held) => sum + held, 0);
		assert.ok(summed > written, `${written} refusal lines written, ${summed} summed up`);
	} finally {
		flood.stop();
		await server.close();
	}
});

/** Sends a second `shell` request on a channel that already runs one; resolves true when refused. */
function secondShell(client: Client, channel: ClientChannel): Promise<boolean> {
	const inner = channel as unknown as {outgoing: {id: number}; _callbacks: Array<(failed: boolean) => void>};
	const protocol = (client as unknown as {_protocol: {shell: (id: number, wantReply: boolean) => void}})._protocol;
	return new Promise(resolve => {
		inner._callbacks.push(resolve);
		protocol.shell(inner.outgoing.id, true);
	});
}

test('a second shell request on a running channel is refused, and the session it came on goes on', async () => {
	const server = await startTestServer();
	try {
		const client = await connect(server.port);
		const session = await shell(client, pty);
		await session.waitFor('Alpha post');
		assert.equal(await secondShell(client, session.channel), true);
		const mark = session.text().length;
		session.channel.write('/moss');
		await until(() => session.text().slice(mark).includes('moss'));
		session.channel.write('\u001B\u001Bq');
		assert.equal(await session.exit, 0);
	} finally {
		await server.close();
	}
});

test('a user name full of control, C1 and bidi characters reaches the log escaped', async () => {
	const server = await startTestServer();
	try {
		const user = 'x\u009D0;TITLE\u009C\u009B2J\u202E\u2066\u2028\u061C\u200F\u001B[31m';
		const client = await connect(server.port, {username: user});
		await until(() => server.logs.some(line => / connect /.test(line)));
		client.end();
		await until(() => server.logs.some(line => / disconnect /.test(line)));
		for (const line of server.logs) {
			assert.doesNotMatch(line, /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u, JSON.stringify(line));
		}

		assert.ok(server.logs.some(line => line.includes(String.raw`user="x\u009d0;TITLE\u009c\u009b2J\u202e\u2066\u2028\u061c\u200f\u001b[31m"`)), server.logs.join('\n'));
	} finally {
		await server.close();
	}
});
