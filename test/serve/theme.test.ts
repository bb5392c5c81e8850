import assert from 'node:assert/strict';
import {test} from 'node:test';
import {lowContrast} from '../render/low-contrast.js';
import {sgrRuns} from '../render/sgr-runs.js';
import type {Client} from 'ssh2';
import {collect, type Collected, connect, pty, shell, startTestServer} from './helpers.js';

const query = '\u001B]11;?';
// The footer's muted grey at 256 colours: #6c6c6c (242) in the light theme, #9e9e9e (247) in the dark one.
const lightMuted = '\u001B[38;5;242m';
const darkMuted = '\u001B[38;5;247m';

/** A shell whose terminal answers the background question the moment it arrives, as a terminal does. */
function answeringShell(client: Client, reply: string): Promise<Collected> {
	return new Promise((resolve, reject) => {
		client.shell(pty, (error, channel) => {
			if (error) {
				reject(error);
				return;
			}

			channel.on('data', (data: Buffer) => {
				if (data.toString('utf8').includes(query)) {
					channel.write(reply);
				}
			});
			resolve(collect(channel));
		});
	});
}

test('serve --theme auto asks each client\'s terminal: two answering white and black get light and dark, and neither reply is taken as keys', async () => {
	// A generous timeout so a loaded machine cannot make the answer late; answering ends the wait anyway (DA1).
	const server = await startTestServer({theme: 'auto'}, {backgroundTimeoutMs: 30_000});
	try {
		// xterm's reply and DA1, with keys typed right behind them in the same packet.
		const light = await answeringShell(await connect(server.port), '\u001B]11;rgb:ffff/ffff/ffff\u001B\\\u001B[?64;1;2;6;22c/moss');
		const dark = await answeringShell(await connect(server.port), '\u001B]11;rgb:0000/0000/0000\u0007\u001B[?1;2c/fern');
		await light.waitFor('1 match');
		await dark.waitFor('1 match');
		assert.ok(light.text().includes(lightMuted), 'the light theme');
		assert.ok(!light.text().includes(darkMuted), 'no dark colours for the light terminal');
		assert.ok(dark.text().includes(darkMuted) && !dark.text().includes(lightMuted), 'the dark theme');
		assert.deepEqual(lowContrast(sgrRuns(light.text()), 'light'), [], 'readable on white');
		assert.deepEqual(lowContrast(sgrRuns(dark.text()), 'dark'), [], 'readable on black');
		const typed = (session: Collected) => session.text().replaceAll(/\u001B\[[\d;]*m/g, '');
		assert.match(typed(light), / \/ moss /, 'the filter holds only what was typed');
		assert.match(typed(dark), / \/ fern /);
		light.channel.end();
		dark.channel.end();
	} finally {
		await server.close();
	}
});

test('serve --theme auto: a client that never answers gets the dark theme once the 100 ms are up', async () => {
	const server = await startTestServer({theme: 'auto'});
	try {
		const silent = await shell(await connect(server.port), pty);
		await silent.waitFor('Beta post about moss');
		await silent.waitFor(darkMuted);
		assert.ok(silent.text().includes(query), 'it was asked');
		assert.ok(!silent.text().includes(lightMuted));
		silent.channel.write('/moss');
		await silent.waitFor('1 match');
		silent.channel.end();
	} finally {
		await server.close();
	}
});

test('serve with a theme given asks nothing, nor does --theme auto a client without colour', async () => {
	const server = await startTestServer({theme: 'light'});
	const auto = await startTestServer({theme: 'auto'});
	try {
		const given = await shell(await connect(server.port), pty);
		const plain = await shell(await connect(auto.port), pty, {NO_COLOR: '1'});
		await given.waitFor('Beta post about moss');
		await plain.waitFor('Beta post about moss');
		assert.ok(given.text().includes(lightMuted));
		assert.ok(!given.text().includes(query) && !plain.text().includes(query));
		given.channel.end();
		plain.channel.end();
	} finally {
		await server.close();
		await auto.close();
	}
});
