import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {connect, pty, shell, startTestServer} from './helpers.js';

const mouseOn = '\u001B[?1000h\u001B[?1006h';
const mouseOff = '\u001B[?1000l\u001B[?1006l';
// An SGR left-button press and release at a 1-based column and row.
const click = (column: number, row: number) => `\u001B[<0;${column};${row}M\u001B[<0;${column};${row}m`;

test('over serve the reader\'s terminal is asked for mouse reports on entering and told to stop on leaving; a click opens a post', async () => {
	const server = await startTestServer();
	const client = await connect(server.port);
	try {
		const session = await shell(client, pty);
		await session.waitFor('Beta post about moss');
		assert.ok(session.text().includes(mouseOn), 'reports asked for with the alternate screen');
		await delay(200);
		// Newest first at 100×30: row 3 is the year, 4 the alpha post, 5 its description, 6 the beta post.
		session.channel.write(click(20, 6));
		await delay(200);
		const before = session.text().length;
		session.channel.write(click(20, 6));
		await session.waitFor('More text.');
		// Ink draws whole frames: the article's is the beta post's, header block and all.
		const article = session.text().slice(before);
		assert.match(article, /Beta post about moss[\s\S]*2024-02-01[\s\S]*More text\./);
		assert.doesNotMatch(article, /Alpha post about ferns/);
		session.channel.write('q');
		await session.exit;
		const after = session.text().slice(session.text().lastIndexOf('More text.'));
		assert.ok(after.includes(mouseOff), 'reports stopped on leaving');
	} finally {
		client.end();
		await server.close();
	}
});

test('serve with mouse off (--no-mouse, mouse = false) asks for no reports', async () => {
	const server = await startTestServer({mouse: false});
	const client = await connect(server.port);
	try {
		const session = await shell(client, pty);
		await session.waitFor('Beta post about moss');
		assert.ok(!session.text().includes('\u001B[?1000h'), JSON.stringify(session.text().slice(0, 80)));
		session.channel.write('q');
		await session.exit;
	} finally {
		client.end();
		await server.close();
	}
});
