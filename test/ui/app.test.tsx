import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import type {Library, Post} from '../../source/content/post.js';
import type {RenderedArticle} from '../../source/render/article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import {frameWhere} from './frame-where.js';

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
		id: `/blog/${slug}.md`,
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

const loadArticle = async (post: Post): Promise<RenderedArticle> => ({lines: [post.body], plain: [post.body], headings: [], anchors: {}, links: []});

function sized(stdout: NodeJS.WriteStream, columns: number, rows: number) {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	stdout.emit('resize');
}

async function settle() {
	await delay(30);
}

test('list → open → back keeps the selection; frames stay one row short of the terminal', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	sized(app.stdout as unknown as NodeJS.WriteStream, 80, 24);
	const list = await frameWhere(app, frame => frame.includes('The oldest post'), 'the list');
	assert.match(list, /The newest post[\s\S]*A middle post[\s\S]*The oldest post/);
	assert.ok(list.split('\n').length <= 23, 'a frame as tall as the terminal makes Ink 6 clear the screen');

	app.stdin.write('j');
	await frameWhere(app, frame => /▸.*A middle post/.test(frame), 'the selection to move');
	app.stdin.write('\r');
	const article = await frameWhere(app, frame => frame.includes('Body of the middle post'), 'the article');
	assert.doesNotMatch(article, /The oldest post/);

	app.stdin.write('\u001B');
	const back = (await frameWhere(app, frame => frame.includes('The oldest post'), 'the list again')).split('\n');
	assert.match(back.find(line => line.includes('A middle post'))!, /▸/);
	app.unmount();
});

test('keys that arrive in one write are all handled', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	sized(app.stdout as unknown as NodeJS.WriteStream, 80, 24);
	await frameWhere(app, frame => frame.includes('The oldest post'), 'the list');
	app.stdin.write('jj\r');
	await frameWhere(app, frame => frame.includes('Body of the oldest post'), 'the third post, opened by one write');
	app.unmount();
});

test('q quits from the list: Ink unmounts and stops reading input', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	await frameWhere(app, frame => frame.includes('The oldest post'), 'the list');
	assert.ok(app.stdin.listenerCount('readable') > 0);
	app.stdin.write('q');
	const deadline = Date.now() + 5000;
	while (app.stdin.listenerCount('readable') > 0 && Date.now() < deadline) {
		await settle();
	}

	assert.equal(app.stdin.listenerCount('readable'), 0);
	app.unmount();
});

test('raw mode never lapses while the list hands the keys to the reader and back (a Ctrl-C then would be a signal)', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	const modes: boolean[] = [];
	const stdin = app.stdin as unknown as {setRawMode: (mode: boolean) => void};
	const original = stdin.setRawMode.bind(stdin);
	stdin.setRawMode = (mode: boolean) => {
		modes.push(mode);
		original(mode);
	};

	await frameWhere(app, frame => frame.includes('The oldest post'), 'the list');
	app.stdin.write('\r');
	await frameWhere(app, frame => frame.includes('Body of the newest post'), 'the article');
	app.stdin.write('\u001B');
	await frameWhere(app, frame => frame.includes('The oldest post'), 'the list again');
	assert.deepEqual(modes.filter(mode => !mode), [], 'raw mode was never turned off');
	app.unmount();
});
