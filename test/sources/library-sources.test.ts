import assert from 'node:assert/strict';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {openSources} from '../../source/sources/library-sources.js';
import {fileCache} from '../../source/sources/response-cache.js';
import {feedServerForTests, startFeedServer} from './feed-server.js';

const files = feedServerForTests('sources');

test('a folder and feeds read as one library: slugs unique across them, the same post reached twice listed once', async () => {
	const posts = path.join(files.folder, 'posts');
	mkdirSync(posts);
	writeFileSync(path.join(posts, 'night-train.md'), '---\ntitle: My own night train\ndate: 2023-01-01\n---\nText.\n');
	const sources = openSources([
		{kind: 'folder', root: posts, label: 'posts'},
		{kind: 'url', url: files.server.url('/atom.xml')},
		{kind: 'url', url: files.server.url('/site/')},
	], {watch: false});
	const seen: Array<{read: number; total: number | undefined}> = [];
	sources.subscribe(() => {
		const progress = sources.indexing();
		if (progress) {
			seen.push(progress);
		}
	});
	const library = await sources.ready;
	sources.close();
	assert.equal(sources.indexing(), undefined);
	assert.ok(seen.some(progress => progress.total === 3 && progress.read > 0), 'progress counts sources');
	assert.deepEqual(library.posts.map(post => post.slug).sort(), ['ferry-crossing', 'night-train', 'night-train-2']);
	assert.equal(library.posts.find(post => post.slug === 'night-train')?.title, 'My own night train', 'the first source keeps its slug');
	assert.equal(library.label, 'posts + Rail & Road Journal + Rail & Road Journal', 'short names, so several fit the header');
});

test('refresh asks again with validators, keeps unchanged posts as they were, and brings new items in', async () => {
	const original = '<?xml version="1.0"?><rss version="2.0"><channel><title>Changing</title><item><title>One</title><link>http://h.example/one</link><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate></item></channel></rss>';
	files.server.serve('/changing.xml', original, 'application/rss+xml');
	const sources = openSources([{kind: 'url', url: files.server.url('/changing.xml')}], {watch: false, remote: {cache: fileCache(path.join(files.folder, 'cache'))}});
	const first = await sources.ready;
	const one = first.posts[0];
	sources.reload();
	assert.match(sources.current().label, /· refreshing…$/, 'the header says a refresh is under way');
	const same = await sources.refreshed();
	assert.equal(files.server.notModified.get('/changing.xml'), 1);
	assert.equal(same.posts[0], one, 'the same object: its rendering stays cached');
	files.server.serve('/changing.xml', original.replace('<item>', '<item><title>Two</title><link>http://h.example/two</link><pubDate>Tue, 07 Jan 2025 10:00:00 GMT</pubDate></item><item>'), 'application/rss+xml');
	sources.reload();
	const next = await sources.refreshed();
	assert.deepEqual(next.posts.map(post => post.title), ['Two', 'One']);
	assert.equal(next.posts[1], one);
	assert.doesNotMatch(next.label, /refreshing/);
	sources.close();
});

test('a refresh that fails keeps the posts and says why', async () => {
	const stopped = await startFeedServer();
	const sources = openSources([{kind: 'url', url: stopped.url('/feed.json')}], {watch: false});
	const first = await sources.ready;
	await stopped.close();
	sources.reload();
	const after = await sources.refreshed();
	sources.close();
	assert.equal(after.posts.length, first.posts.length);
	assert.deepEqual(after.problems.map(problem => problem.problem), ['connection refused']);
});

test('progress while fetching names the address and the bytes so far; a response past the cap is one problem', async () => {
	const sources = openSources([{kind: 'url', url: files.server.url('/huge.xml')}, {kind: 'url', url: files.server.url('/rss.xml')}], {watch: false});
	const details = new Set<string>();
	sources.subscribe(() => {
		const detail = sources.indexing()?.detail;
		if (detail !== undefined) {
			details.add(detail);
		}
	});
	const library = await sources.ready;
	sources.close();
	assert.ok([...details].some(detail => /^fetching 127\.0\.0\.1:\d+\/huge\.xml: \d+(\.\d)? (KB|MB)$/.test(detail)), [...details].slice(0, 3).join(' | '));
	assert.equal(library.posts.length, 2, 'the other feed is all there');
	assert.deepEqual(library.problems.map(problem => problem.problem), ['larger than the 10 MB limit: not read']);
});
