import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {loadLibrary} from '../../source/content/load-library.js';
import type {RenderedArticle} from '../../source/render/article.js';
import {watchLibrary} from '../../source/content/watch-library.js';
import {App} from '../../source/ui/App.js';
import {frameWhere} from './frame-where.js';

const temporary: string[] = [];
after(() => {
	for (const folder of temporary) {
		rmSync(folder, {recursive: true, force: true});
	}
});

function scratch(prefix: string): string {
	const folder = mkdtempSync(path.join(tmpdir(), prefix));
	temporary.push(folder);
	return folder;
}

/** A post file dated an hour back: files written just now are never trusted to the index. */
function write(root: string, name: string, title: string, date: string): void {
	const file = path.join(root, name);
	writeFileSync(file, `---\ntitle: ${title}\ndate: ${date}\n---\n\nBody of ${title}.\n`);
	const then = new Date(Date.now() - 3_600_000);
	utimesSync(file, then, then);
}

const loadArticle = async (): Promise<RenderedArticle> => ({lines: [], plain: [], headings: [], anchors: {}, links: []});

test('a second start draws the indexed list before any file is checked, then shows what changed on disk', async () => {
	const root = scratch('blog-tui-indexed-posts-');
	const cache = {folder: scratch('blog-tui-indexed-cache-')};
	write(root, 'kept.md', 'Kept as it was', '2024-01-01');
	write(root, 'edited.md', 'Before the edit', '2024-02-01');
	write(root, 'removed.md', 'Removed later', '2024-03-01');
	await loadLibrary(root, {cache});

	write(root, 'edited.md', 'After the edit!', '2024-02-01');
	write(root, 'added.md', 'Added later', '2024-04-01');
	rmSync(path.join(root, 'removed.md'));

	// The check of every file (stat against the index, re-reading what changed) waits for `release`.
	let release!: () => void;
	const held = new Promise<void>(resolve => {
		release = resolve;
	});
	let checked = false;
	const watcher = watchLibrary(root, {
		label: './blog',
		watch: false,
		cache,
		async load(folder, options) {
			await held;
			const library = await loadLibrary(folder, options);
			checked = true;
			return library;
		},
	});
	const app = render(<App source={watcher} loadArticle={loadArticle}/>);
	try {
		const first = await frameWhere(app, frame => frame.includes('Removed later'), 'the indexed list');
		assert.equal(checked, false, 'no file was checked yet');
		assert.match(first, /Removed later[\s\S]*Before the edit[\s\S]*Kept as it was/);
		assert.doesNotMatch(first, /Added later|After the edit|indexing|Reading/i);

		release();
		const updated = await frameWhere(app, frame => frame.includes('Added later') && !frame.includes('Removed later'), 'the checked list');
		assert.ok(checked);
		assert.match(updated, /Added later[\s\S]*After the edit![\s\S]*Kept as it was/);
		assert.doesNotMatch(updated, /Before the edit/);
	} finally {
		app.unmount();
		watcher.close();
	}
});

test('without an index the list waits for the files, with progress', async () => {
	const root = scratch('blog-tui-indexed-posts-');
	write(root, 'one.md', 'Only post', '2024-01-01');
	let release!: () => void;
	const held = new Promise<void>(resolve => {
		release = resolve;
	});
	const watcher = watchLibrary(root, {
		label: './blog',
		watch: false,
		cache: {folder: scratch('blog-tui-indexed-cache-')},
		async load(folder, options) {
			await held;
			return loadLibrary(folder, options);
		},
	});
	try {
		assert.deepEqual(watcher.indexing(), {read: 0, total: undefined});
		assert.deepEqual(watcher.current().posts, []);
		release();
		assert.deepEqual((await watcher.ready).posts.map(post => post.title), ['Only post']);
	} finally {
		watcher.close();
	}
});
