import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {type Collected, collect, connect, pty, shell, startTestServer, type TestServer} from './helpers.js';

let server: TestServer;
before(async () => {
	server = await startTestServer();
});
after(async () => {
	await server.close();
});

test('a shell without a PTY (ssh -T) is refused with a message and exit status 1', async () => {
	const client = await connect(server.port);
	const session = await shell(client, false);
	assert.equal(await session.exit, 1);
	assert.match(session.stderr(), /needs a terminal: connect with plain `ssh` \(or `ssh -t`\), not `ssh -T`/);
	assert.equal(session.text(), '');
	client.end();
});

test('exec is refused: no command runs', async () => {
	const client = await connect(server.port);
	// Collected inside the callback: the refusal may arrive in the same packet batch as the channel.
	const session = await new Promise<Collected>((resolve, reject) => {
		client.exec('cat /etc/passwd', (error, stream) => {
			if (error) {
				reject(error);
			} else {
				resolve(collect(stream));
			}
		});
	});
	assert.equal(await session.exit, 1);
	assert.match(session.stderr(), /runs no commands/);
	assert.doesNotMatch(session.text(), /root:/);
	client.end();
});

test('sftp is refused', async () => {
	const client = await connect(server.port);
	// Collected inside the callback: the refusal may arrive in the same packet batch as the channel.
	const session = await new Promise<Collected>((resolve, reject) => {
		client.subsys('sftp', (error, stream) => {
			if (error) {
				reject(error);
			} else {
				resolve(collect(stream));
			}
		});
	});
	assert.equal(await session.exit, 1);
	assert.match(session.stderr(), /file transfer \(sftp\/scp\) and other subsystems are not offered/);
	client.end();
});

test('port forwarding is refused both ways', async () => {
	const client = await connect(server.port);
	const local = await new Promise<Error | undefined>(resolve => {
		client.forwardOut('127.0.0.1', 5000, '127.0.0.1', server.port, error => {
			resolve(error);
		});
	});
	assert.ok(local, 'direct-tcpip must fail');
	const remote = await new Promise<Error | undefined>(resolve => {
		client.forwardIn('127.0.0.1', 0, error => {
			resolve(error);
		});
	});
	assert.ok(remote, 'tcpip-forward must fail');
	client.end();
});

test('a PTY shell gets the list, q ends only that session with exit status 0', async () => {
	const client = await connect(server.port);
	const first = await shell(client, pty);
	const other = await connect(server.port);
	const second = await shell(other, pty);
	await first.waitFor('Alpha post about ferns');
	await second.waitFor('Alpha post about ferns');
	assert.ok(first.text().startsWith('\u001B[?1049h'), 'enters the alternate screen first');
	assert.doesNotMatch(first.text().replaceAll('\r\n', ''), /\n/, 'every newline goes out as CRLF');
	first.channel.write('q');
	assert.equal(await first.exit, 0);
	assert.ok(first.text().endsWith('\u001B[?25h\u001B[?1049l'), 'leaves the alternate screen last');
	// The other reader is still there and still answers keys.
	second.channel.write('j');
	await second.waitFor(/Beta post about moss/);
	assert.equal(server.stats().sessions, 1);
	second.channel.write('\u0003');
	assert.equal(await second.exit, 0);
	client.end();
	other.end();
});
