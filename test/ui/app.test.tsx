import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import type {Library, Post} from '../../source/content/post.js';
import type {RenderedArticle} from '../../source/render/article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';

function post(slug: string, title: string, iso: string, body: string): Post {
	return {
		slug,
		title,
		date: {iso, time: Date.parse(iso)},
		updated: undefined,
		tags: ['notes'],
		description: '',
		readingMinutes: 1,
		draft: false,
		author: undefined,
		cover: undefined,
		path: `${slug}.md`,
		absolutePath: `/blog/${slug}.md`,
		body,
		headings: [],
		warnings: [],
		sources: {},
	};
}

const library: Library = {
	root: '/blog',
	label: './blog',
	posts: [
		post('newest', 'The newest post', '2026-01-02', 'Body of the newest post.'),
		post('middle', 'A middle post', '2025-06-01', 'Body of the middle post.'),
		post('oldest', 'The oldest post', '2024-03-04', 'Body of the oldest post.'),
	],
	problems: [],
};

const loadArticle = async (post: Post): Promise<RenderedArticle> => ({lines: [post.body], headings: [], anchors: {}, links: []});

function sized(stdout: NodeJS.WriteStream, columns: number, rows: number) {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	stdout.emit('resize');
}

async function settle() {
	await delay(60);
}

test('list → open → back keeps the selection; frames stay one row short of the terminal', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	sized(app.stdout as unknown as NodeJS.WriteStream, 80, 24);
	await settle();
	const list = app.lastFrame()!;
	assert.match(list, /The newest post[\s\S]*A middle post[\s\S]*The oldest post/);
	assert.ok(list.split('\n').length <= 23, 'a frame as tall as the terminal makes Ink 6 clear the screen');

	app.stdin.write('j');
	await settle();
	app.stdin.write('\r');
	await settle();
	assert.match(app.lastFrame()!, /Body of the middle post/);
	assert.doesNotMatch(app.lastFrame()!, /The oldest post/);

	app.stdin.write('\u001B');
	await settle();
	const back = app.lastFrame()!.split('\n');
	assert.match(back.find(line => line.includes('A middle post'))!, /▸/);
	app.unmount();
});

test('keys that arrive in one write are all handled', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	sized(app.stdout as unknown as NodeJS.WriteStream, 80, 24);
	await settle();
	app.stdin.write('jj\r');
	await settle();
	assert.match(app.lastFrame()!, /Body of the oldest post/);
	app.unmount();
});

test('q quits from the list: Ink unmounts and stops reading input', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	await settle();
	assert.ok(app.stdin.listenerCount('readable') > 0);
	app.stdin.write('q');
	await settle();
	assert.equal(app.stdin.listenerCount('readable'), 0);
	app.unmount();
});
