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
