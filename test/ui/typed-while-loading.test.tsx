import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import type {Library, Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import type {Indexing, LibrarySource} from '../../source/ui/services.js';
import {frameWhere} from './frame-where.js';
import {library} from './reader/fixture.js';

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 1, hyperlinks: true});

/** A folder still being read: an empty library with progress, until `finish` hands over the posts. */
function loading(): {source: LibrarySource; finish: () => void} {
	let current: Library = {...library, posts: []};
	let indexing: Indexing | undefined = {read: 0, total: 2};
	const listeners = new Set<() => void>();
	return {
		source: {
			current: () => current,
			indexing: () => indexing,
			subscribe(listener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			},
		},
		finish() {
			current = library;
			indexing = undefined;
			for (const listener of listeners) {
				listener();
			}
		},
	};
}

test('keys typed while the posts load are kept and act once they are there: / moss Enter opens the moss post', async () => {
	const {source, finish} = loading();
	const app = render(<App source={source} loadArticle={loadArticle}/>);
	await frameWhere(app, frame => /0 of 2|Reading|files/i.test(stripAnsi(frame)), 'the progress', 20_000);
	app.stdin.write('/');
	app.stdin.write('moss');
	app.stdin.write('\r');
	app.stdin.write('\r');
	finish();
	await frameWhere(app, frame => stripAnsi(frame).includes('Moss grows on the north side'), 'the moss post open', 20_000);
	app.unmount();
});

test('q still quits at once while loading', async () => {
	const {source} = loading();
	const app = render(<App source={source} loadArticle={loadArticle}/>);
	await frameWhere(app, frame => /0 of 2|Reading|files/i.test(stripAnsi(frame)), 'the progress', 20_000);
	app.stdin.write('q');
	const deadline = Date.now() + 20_000;
	while (app.stdin.listenerCount('readable') > 0 && Date.now() < deadline) {
		await new Promise(resolve => setTimeout(resolve, 20));
	}

	assert.equal(app.stdin.listenerCount('readable'), 0);
	app.unmount();
});

test('a key typed after Enter, before the reader listens, reaches the reader: Enter then q quits at any moment', async () => {
	// Ink attaches the reader's listener in an effect a turn of the event loop after Enter: `q`
	// written 0–4 turns after Enter lands before, in, and after that gap (over SSH it was lost).
	for (let turns = 0; turns <= 4; turns++) {
		const app = render(<App source={{current: () => library, subscribe: () => () => undefined}} loadArticle={loadArticle}/>);
		await frameWhere(app, frame => stripAnsi(frame).includes('Notes on moss'), 'the list', 20_000);
		app.stdin.write('\r');
		for (let turn = 0; turn < turns; turn++) {
			await new Promise(resolve => setImmediate(resolve));
		}

		app.stdin.write('q');
		const deadline = Date.now() + 20_000;
		while (app.stdin.listenerCount('readable') > 0 && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		assert.equal(app.stdin.listenerCount('readable'), 0, `q written ${turns} turns after Enter did not quit`);
		app.unmount();
	}
});
