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
