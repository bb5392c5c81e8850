import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import type {Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import {notWatching, type ReplyWatch, watchReplies} from '../../source/ui/terminal-replies.js';
import {frameWhere} from './frame-where.js';
import {library} from './reader/fixture.js';

/** The reads as keys: each read's fate, and what the held `\x1b]` turned out to be. */
function walk(reads: string[]): string[] {
	let watch: ReplyWatch = notWatching;
	return reads.map(read => {
		const step = watchReplies(watch, read);
		watch = step.watch;
		const fate = typeof step.deliver === 'string' ? step.deliver : `after ${JSON.stringify(step.deliver.after)}`;
		return step.held ? `${step.held}, ${fate}` : fate;
	});
}

test('an OSC reply is dropped whole, ended by BEL or ST, with keys after a BEL kept', () => {
	assert.deepEqual(walk(['\u001B]', '11;rgb:ffff/ffff/ffff', '\u001B\\', 'j']), ['none', 'reply, none', 'none', 'all']);
	assert.deepEqual(walk(['\u001B]', '11;rgb:0000/0000/0000\u0007jj']), ['none', 'reply, after "jj"']);
	assert.deepEqual(walk(['\u001B]', '11;rgb:0', '000/0000\u0007']), ['none', 'reply, none', 'none']);
});

test('Esc then ] typed by a person is keys; a DA1 reply is not; a payload that never ends gives the keys back', () => {
	assert.deepEqual(walk(['\u001B]', 'j']), ['none', 'keys, all']);
	assert.deepEqual(walk(['\u001B[?62;22c', '\u001B[A']), ['none', 'all']);
	assert.deepEqual(walk(['\u001B]', '11;', 'x'.repeat(600), 'j']), ['none', 'reply, none', 'all', 'all']);
});

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 1, hyperlinks: true});

test('late terminal replies leave the list and the article as they were; Esc then ] still goes back', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	await frameWhere(app, frame => stripAnsi(frame).includes('A field guide'), 'the list', 20_000);
	const list = stripAnsi(app.lastFrame()!);
	// Written as a terminal sends them, one write each, then a key whose frame shows they were handled.
	for (const reply of ['\u001B]11;rgb:ffff/ffff/ffff\u001B\\', '\u001B]11;rgb:0000/0000/0000\u0007', '\u001B[?62;22c']) {
		app.stdin.write(reply);
	}

	app.stdin.write('?');
	const help = await frameWhere(app, frame => !stripAnsi(frame).includes('A field guide') || stripAnsi(frame) !== list, 'a frame after the replies', 20_000);
	assert.doesNotMatch(stripAnsi(help), /0000|62;22c|matches/, 'nothing typed into a filter');
	app.stdin.write('\u001B');
	await frameWhere(app, frame => stripAnsi(frame) === list, 'the list again', 20_000);

	app.stdin.write('\r');
	await frameWhere(app, frame => stripAnsi(frame).includes('An opening paragraph'), 'the article', 20_000);
	app.stdin.write('\u001B]11;rgb:0000/0000/0000\u0007');
	app.stdin.write('?');
	await frameWhere(app, frame => stripAnsi(frame).includes('Keys for reading'), 'the reader\'s help: the reply did not go back', 20_000);
	app.stdin.write('\u001B');
	await frameWhere(app, frame => stripAnsi(frame).includes('An opening paragraph'), 'the article again', 20_000);
	app.stdin.write('\u001B]');
	await frameWhere(app, frame => stripAnsi(frame) === list, 'Esc ] typed: back to the list', 20_000);
	app.unmount();
});
