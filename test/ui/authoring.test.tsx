import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import type {Library, Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App, type AppProps} from '../../source/ui/App.js';
import type {LibrarySource} from '../../source/ui/services.js';
import {frameWhere} from './frame-where.js';
import {guide, library, makePost} from './reader/fixture.js';

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 0, hyperlinks: false});

function sized(stdout: unknown, columns: number, rows: number) {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.WriteStream).emit('resize');
}

/** A library the test changes by hand, as a folder on disk changes; `reload` counts the times it is asked. */
export function changingSource(first: Library): LibrarySource & {set: (next: Library) => void; reloads: number; onReload: (() => void) | undefined} {
	let current = first;
	const listeners = new Set<() => void>();
	const source = {
		reloads: 0,
		onReload: undefined as (() => void) | undefined,
		current: () => current,
		subscribe(listener: () => void) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		set(next: Library) {
			current = next;
			for (const listener of listeners) {
				listener();
			}
		},
		reload() {
			source.reloads++;
			source.onReload?.();
		},
	};
	return source;
}

export async function start(source: LibrarySource, props: Partial<AppProps> = {}, columns = 80, rows = 24) {
	const app = render(<App source={source} loadArticle={loadArticle} {...props}/>);
	sized(app.stdout, columns, rows);
	return Object.assign(app, {
		until: async (predicate: (frame: string) => boolean, what: string) => frameWhere(app, predicate, what),
		async type(input: string) {
			app.stdin.write(input);
			await delay(60);
		},
	});
}

test('r in the list and in an article reads the files again by hand', async () => {
	const source = changingSource(library);
	source.onReload = () => {
		const revised = makePost('guide', 'A field guide, reread', guide.body.replace('An opening paragraph', 'A reread opening paragraph'));
		source.set({...library, posts: [revised, ...library.posts.slice(1)]});
	};

	const app = await start(source);
	await app.until(frame => frame.includes('A field guide'), 'the list');
	await app.type('r');
	await app.until(frame => frame.includes('A field guide, reread'), 'the list read again');
	assert.equal(source.reloads, 1);
	source.onReload = () => {
		const again = makePost('guide', 'A field guide, reread', guide.body.replace('An opening paragraph', 'A third opening paragraph'));
		source.set({...library, posts: [again, ...library.posts.slice(1)]});
	};

	await app.type('\r');
	await app.until(frame => frame.includes('A reread opening paragraph'), 'the article');
	await app.type('r');
	await app.until(frame => frame.includes('A third opening paragraph'), 'the article read again');
	assert.equal(source.reloads, 2);
	app.unmount();
});

const paragraphs = (topic: string, count: number) => Array.from({length: count}, (_, index) => `Paragraph ${index + 1} of ${topic}, long enough to wrap over two lines at eighty columns so that the reader has some text to scroll through.`).join('\n\n');
const introPost = (edit: string) => makePost('intro', 'A long introduction', `${paragraphs('the introduction', 8)}\n\n## First heading\n\n${paragraphs('the first section', 8)}\n\n${edit}\n`);
/** The title bar and the first lines of text: the same after a save that kept the place. */
const firstLines = (frame: string) => frame.split('\n').slice(0, 12).join('\n');

for (const [where, keys, expected] of [
	['inside the introduction, before the first heading', 'jjjjjj', (frame: string) => !frame.includes('Paragraph 1 of the introduction') && frame.includes('Paragraph 2 of the introduction')],
	['inside the header block', 'jj', (frame: string) => !frame.includes('2025-05-01 · 2 min · guide\n') || frame.split('\n').filter(line => line.includes('A long introduction')).length === 1],
	['inside a section', 'j'.repeat(33), (frame: string) => !frame.includes('of the introduction') && frame.includes('Paragraph 2 of the first section') && !frame.includes('The end')],
] as const) {
	test(`a save keeps the place ${where}`, async () => {
		const before = introPost('The end.');
		const source = changingSource({...library, posts: [before]});
		const app = await start(source);
		await app.until(frame => frame.includes('A long introduction'), 'the list');
		await app.type('\r');
		await app.until(frame => frame.includes('Paragraph 1 of the introduction'), 'the article');
		await app.type(keys);
		const scrolled = await app.until(expected, 'scrolled');
		source.set({...library, posts: [introPost('The end, revised on disk.')]});
		await delay(300);
		assert.equal(firstLines(app.lastFrame()!), firstLines(scrolled), 'the same lines stay on top');
		app.unmount();
	});
}

test('links: Enter opens a web link through the local opener, y copies it by OSC 52, a long address is shown whole', async () => {
	const opened: string[] = [];
	const edited: Array<[string, number]> = [];
	const long = `https://example.com/${'very-long-segment/'.repeat(8)}end`;
	const post = makePost('links', 'Links', `Read [the page](https://example.com/page) or [the long one](${long}) or [a script](javascript:alert(1)).\n\n## Heading here\n\nText.\n`);
	const app = await start(changingSource({...library, posts: [post]}), {local: {openUrl: url => opened.push(url), edit: async (target, line) => {
		edited.push([target.slug, line]);
	}}});
	await app.until(frame => frame.includes('Links'), 'the list');
	await app.type('\r');
	await app.until(frame => frame.includes('Read the page'), 'the article');
	await app.type('\t');
	await app.until(frame => frame.includes('→ https://example.com/page'), 'the first link');
	await app.type('\r');
	await app.until(frame => frame.includes('opening https://example.com/page'), 'opening');
	assert.deepEqual(opened, ['https://example.com/page']);
	await app.type('y');
	await app.until(() => app.frames.some(frame => frame.includes('copied https://example.com/page')), 'copied');
	assert.ok(app.frames.some(frame => frame.includes(`\u001B]52;c;${Buffer.from('https://example.com/page').toString('base64')}\u0007`)), 'OSC 52 written');

	await app.type('\t');
	const whole = await app.until(frame => frame.includes('end') && frame.includes('→ https://example.com/very-long'), 'the long address');
	assert.ok(whole.replaceAll(/\n/g, '').includes(long), 'the whole address, wrapped');
	assert.ok(whole.split('\n').every(line => line.length <= 80));
	await app.type('\t\r');
	await app.until(frame => frame.includes('link: javascript:alert(1)'), 'a script link is only shown');
	assert.equal(opened.length, 1);
	await app.type('e');
	await app.until(() => edited.length === 1, 'the editor asked for');
	assert.equal(edited[0]![0], 'links');
	app.unmount();
});

test('without local actions (serve) Enter on a web link only shows it, e does nothing, y still copies the heading\'s #anchor', async () => {
	const post = makePost('links', 'Links', `Read [the page](https://example.com/page).\n\n## Heading here\n\n${'Text.\n\n'.repeat(30)}`);
	const app = await start(changingSource({...library, posts: [post]}));
	await app.until(frame => frame.includes('Links'), 'the list');
	await app.type('\r');
	await app.until(frame => frame.includes('Read the page'), 'the article');
	await app.type('\t\r');
	await app.until(frame => frame.includes('link: https://example.com/page'), 'the address shown');
	await app.type('e');
	await delay(100);
	assert.doesNotMatch(app.lastFrame()!, /editing/);
	await app.type('\u001B');
	await app.until(frame => frame.includes('Links'), 'still reading');
	await app.type('jjjjjjjjjjj');
	await app.until(frame => frame.includes('§ Heading here'), 'in the section');
	await app.type('y');
	await app.until(() => app.frames.some(frame => frame.includes('copied #heading-here')), 'the heading\'s anchor copied');
	app.unmount();
});
