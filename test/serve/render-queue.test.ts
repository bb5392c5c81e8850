import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {connect, pty, shell, startTestServer, writePost} from './helpers.js';

/** A long post whose first block is a rule as wide as the text: its length tells the width drawn. */
function bigPost(): string {
	const paragraph = 'Moss grows slowly on the north side of old stones, and ferns unroll in the damp shade beneath it. '.repeat(8);
	return `---\n\n${Array.from({length: 300}, (_, index) => `## Part ${index}\n\n${paragraph}`).join('\n\n')}\n`;
}

test('one reader resizing a big post over and over does not keep another reader from a small one', {timeout: 120_000}, async () => {
	const server = await startTestServer();
	try {
		writePost(server.posts, 'huge.md', 'Huge post on lichens', '2020-01-01', bigPost());
		const resizer = await shell(await connect(server.port), {...pty, cols: 70});
		const reader = await shell(await connect(server.port), pty);
		await resizer.waitFor('Huge post on lichens', 30_000);
		await reader.waitFor('Alpha post', 30_000);
		resizer.channel.write('/lichens');
		await resizer.waitFor('lichens');
		resizer.channel.write('\r');
		await resizer.waitFor(/(?<!─)─{30,}(?!─)/, 60_000);
		const drawn = /(?<!─)(─{30,})(?!─)/.exec(resizer.text())![1]!.length;
		const margin = 70 - drawn;

		// The attack: a new width every 100 ms (30 in all), each a render of the whole post.
		const resizing = (async () => {
			for (let columns = 69; columns >= 40; columns--) {
				resizer.channel.setWindow(30, columns, 0, 0);
				await delay(100);
			}
		})();
		await delay(1000);
		// How many renders of the big post are drawn while the other reader waits for a small one: each is a new width.
		const mark = resizer.text().length;
		let seen: string | undefined;
		reader.channel.on('data', () => {
			if (seen === undefined && reader.text().includes('More text.')) {
				seen = resizer.text().slice(mark);
			}
		});
		reader.channel.write('\r');
		await reader.waitFor(/More text\./, 90_000);
		await resizing;
		const widths = new Set([...seen!.matchAll(/(?<!─)(─{20,})(?!─)/g)].map(match => match[1]!.length));
		widths.delete(drawn);
		assert.ok(widths.size <= 3, `${widths.size} renders of the big post went first (widths ${[...widths].map(width => width + margin).join(', ')})`);
	} finally {
		await server.close();
	}
});
