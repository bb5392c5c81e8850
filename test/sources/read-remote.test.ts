import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import type {Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {openSources} from '../../source/sources/library-sources.js';
import {readRemote} from '../../source/sources/read-remote.js';
import {fileCache} from '../../source/sources/response-cache.js';
import {feedServerForTests, startFeedServer} from './feed-server.js';
import '../render/grammars.js';

const files = feedServerForTests('cache');

function bySlug(posts: Post[], slug: string): Post {
	const post = posts.find(candidate => candidate.slug === slug);
	assert.ok(post, `a post ${slug} among ${posts.map(each => each.slug).join(', ')}`);
	return post;
}

test('RSS 2.0: content:encoded becomes Markdown with its fields from the item', async () => {
	const library = await readRemote(files.server.url('/rss.xml'));
	assert.equal(library.label, `Field Notes from the Allotment (${files.server.origin.slice(7)}/rss.xml)`);
	assert.deepEqual(library.posts.map(post => post.title), ['Compost that actually heats up', 'Seed trays and the white fuzz']);
	const compost = bySlug(library.posts, 'compost-heat');
	assert.equal(compost.id, files.server.url('/notes/2025/compost-heat.html'));
	assert.equal(compost.url, files.server.url('/notes/2025/compost-heat.html'));
	assert.equal(compost.date?.iso, '2025-03-08T09:15:00+00:00');
	assert.deepEqual(compost.tags, ['compost', 'soil']);
	assert.equal(compost.author, 'Maren Okafor');
	assert.equal(compost.description, 'Why my heap stayed cold for two winters, and the ratio that fixed it.');
	assert.equal(compost.path, 'notes/2025/compost-heat.html');
	assert.deepEqual(compost.headings.map(heading => heading.text), ['The ratio', 'Measuring']);
	// Relative to the item's link, not the feed's address.
	assert.match(compost.body, new RegExp(`\\[seed tray post\\]\\(${files.server.url('/notes/2025/seed-tray-mould.html')}\\)`));
	assert.match(compost.body, /```python\nreadings = \[41, 48, 55, 61\]/);
	assert.match(compost.body, /\| Week \| Core °C \|\n\| --- \| --- \|\n\| 1 \| 41 \|/);
	assert.match(compost.body, new RegExp(`!\\[thermometer in the heap\\]\\(${files.server.url('/notes/img/thermometer.jpg')}\\)`));
	assert.doesNotMatch(compost.body, /pixel\.gif/, 'a 1×1 image is a tracking pixel: dropped');
	const mould = bySlug(library.posts, 'seed-tray-mould');
	assert.equal(mould.description, 'Damping off, airflow, and a fan from a skip.', 'an HTML description read as text');
	assert.deepEqual(library.problems, []);
});

test('Atom: xml:base and relative links resolve; xhtml titles and bodies are read', async () => {
	const library = await readRemote(files.server.url('/atom.xml'));
	assert.match(library.label, /^Rail & Road Journal \(/, 'a type="html" title is markup: its entity decoded once more');
	const night = bySlug(library.posts, 'night-train');
	assert.equal(night.url, files.server.url('/journal/entries/night-train'));
	assert.equal(night.date?.iso, '2024-10-30T21:40:00+01:00');
	assert.equal(night.updated?.iso, '2024-11-02T18:00:00Z');
	assert.deepEqual(night.tags, ['Trains', 'travel'], 'a category label wins over its term');
	assert.equal(night.author, 'Ilse Varga');
	assert.match(night.body, new RegExp(`\\(${files.server.url('/journal/photos/cabin')}\\)`), 'against the content xml:base');
	assert.match(night.body, new RegExp(`\\(${files.server.url('/maps/coast.html')}\\)`));
	assert.match(night.body, new RegExp(`\\[the ferry\\]\\(${files.server.url('/journal/entries/ferry-crossing')}\\)`));
	const ferry = bySlug(library.posts, 'ferry-crossing');
	assert.equal(ferry.title, 'Ferry crossing');
	assert.deepEqual(ferry.headings.map(heading => heading.text), ['Deck']);
	assert.match(ferry.body, new RegExp(`\\(${files.server.url('/journal/photos/deck')}\\)`), 'against the feed xml:base');
});

test('JSON Feed 1.1: HTML and plain-text items', async () => {
	const library = await readRemote(files.server.url('/feed.json'));
	const ticks = bySlug(library.posts, 'scheduler-ticks');
	assert.equal(ticks.updated?.iso, '2025-01-22T12:00:00Z');
	assert.deepEqual(ticks.tags, ['kernel', 'scheduling']);
	assert.equal(ticks.author, 'Tomasz Lind');
	assert.deepEqual(ticks.headings.map(heading => [heading.depth, heading.text]), [[2, 'Where'], [3, 'Numbers']]);
	const note = bySlug(library.posts, 'plain-note');
	assert.deepEqual(note.headings, [], 'content_text is text: "# not a heading" stays a line');
	const shown = renderArticle(note, {width: 60, theme: 'dark', colorLevel: 0, hyperlinks: false, readingWidth: 0}).lines.join('\n');
	assert.match(shown, /# not a heading/);
	assert.match(shown, /Just text with \*stars\* and <tags>\./);
});

test('a site page is read through the first feed it announces', async () => {
	const library = await readRemote(files.server.url('/site/'));
	assert.equal(library.root, files.server.url('/site/'));
	assert.deepEqual(library.posts.map(post => post.slug).sort(), ['ferry-crossing', 'night-train']);
});

test('a feed in windows-1251, declared only in its XML declaration', async () => {
	const library = await readRemote(files.server.url('/cp1251.xml'));
	assert.match(library.label, /^Заметки о погоде/);
	assert.equal(library.posts[0]?.title, 'Первый снег');
	assert.deepEqual(library.posts[0]?.tags, ['погода']);
	assert.equal(library.posts[0]?.body, 'Снег выпал ночью.');
});

test('an article page is reduced to its article; a Markdown URL keeps its frontmatter', async () => {
	const page = await readRemote(files.server.url('/article.html'));
	const [article] = page.posts;
	assert.equal(article?.title, 'Why my bread is dense');
	assert.equal(article?.date?.iso, '2025-04-02T08:00:00Z');
	assert.equal(article?.author, 'Ada Brenner');
	assert.deepEqual(article?.headings.map(heading => heading.text), ['The poke test', 'Flour']);
	assert.doesNotMatch(article!.body, /Home|About|Subscribe|Crumb Lab|iframe|video\.example|document\.write|tracker/);
	const markdown = await readRemote(files.server.url('/post.md'));
	assert.equal(markdown.posts[0]?.title, 'Sharpening a card scraper');
	assert.deepEqual(markdown.posts[0]?.tags, ['woodwork', 'tools']);
	assert.equal(markdown.posts[0]?.slug, 'post');
});

test('malformed XML is one clear problem; the other sources are all still there', async () => {
	await assert.rejects(readRemote(files.server.url('/broken.xml')), {message: /^not a valid feed: broken XML: Expected closing tag 'description' .*\(line 3, column \d+\)$/});
	const sources = openSources([{kind: 'url', url: files.server.url('/broken.xml')}, {kind: 'url', url: files.server.url('/rss.xml')}, {kind: 'url', url: files.server.url('/feed.json')}], {watch: false});
	const library = await sources.ready;
	sources.close();
	assert.equal(library.posts.length, 4);
	assert.deepEqual(library.problems.map(problem => [problem.absolutePath, problem.problem.split(':')[0]]), [[files.server.url('/broken.xml'), 'not a valid feed']]);
});

test('nothing raw from a hostile feed survives: no scripts, frames, forms, pixels or control characters', async () => {
	const library = await readRemote(files.server.url('/hostile.xml'));
	const [post] = library.posts;
	assert.ok(post);
	for (const text of [library.label, post.title, post.description, ...post.tags, post.body]) {
		assert.doesNotMatch(text, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/, JSON.stringify(text));
	}

	assert.doesNotMatch(post.body, /script|alert|iframe|evil\.example|steal|track\.gif|spy\.png|swf|javascript:|display:none/i);
	assert.match(post.body, /Hello reader\./);
	assert.match(post.body, /click me/, 'a javascript: link keeps its text only');
	const shown = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 3, hyperlinks: true}).lines.join('\n');
	// The renderer's own styling is SGR and OSC 8 only; nothing the feed wrote gets through.
	const sequences = shown.match(/\u001B(\[[\d;]*m|\]8;[^\u0007\u001B]*(\u0007|\u001B\\))/g)?.join('') ?? '';
	assert.equal(shown.replaceAll(/\u001B(\[[\d;]*m|\]8;[^\u0007\u001B]*(\u0007|\u001B\\))/g, '').match(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/), null, `only styling escapes, found ${JSON.stringify(sequences.slice(0, 80))}`);
	assert.equal(files.server.hits.get('/track.gif') ?? 0, 0, 'images are never fetched');
	assert.equal(files.server.hits.get('/spy.png') ?? 0, 0);
});

test('the cache: a second read asks with the ETag and gets 304; with the server gone the copy opens, saying how old it is', async () => {
	const cache = fileCache(path.join(files.folder, 'blog-tui'));
	const minute = 60_000;
	let now = Date.parse('2026-12-01T10:00:00Z');
	const first = await readRemote(files.server.url('/gzip.xml'), {cache, now: () => now});
	assert.equal(first.posts.length, 2);
	now += 5 * minute;
	const second = await readRemote(files.server.url('/gzip.xml'), {cache, now: () => now});
	assert.equal(files.server.notModified.get('/gzip.xml'), 1, 'asked with the validators and told nothing changed');
	assert.deepEqual(second.posts.map(post => post.id), first.posts.map(post => post.id));
	// The site's feed is asked for directly next time: the page is only read to find it.
	await readRemote(files.server.url('/site/'), {cache, now: () => now});
	const pageHits = files.server.hits.get('/site/');
	await readRemote(files.server.url('/site/'), {cache, now: () => now});
	assert.equal(files.server.hits.get('/site/'), pageHits);
	assert.equal(files.server.notModified.get('/atom.xml') !== undefined, true);

	now += 3 * 60 * minute;
	const offline = await readRemote('http://127.0.0.1:9/gzip.xml', {cache, now: () => now}).catch((error: unknown) => error);
	assert.ok(offline instanceof Error, 'no copy, no network: an error');
	const elsewhere = fileCache(path.join(files.folder, 'blog-tui'));
	const stopped = await startFeedServer();
	const url = stopped.url('/rss.xml');
	await readRemote(url, {cache: elsewhere, now: () => now});
	await stopped.close();
	now += 2 * 60 * minute;
	const copy = await readRemote(url, {cache: elsewhere, now: () => now});
	assert.equal(copy.posts.length, 2);
	assert.match(copy.label, /^offline copy, 2 h old · Field Notes from the Allotment \(/);
	assert.match(copy.problems[0]!.problem, /^connection refused — showing the copy saved 2 h ago$/);
	assert.equal(copy.offline?.fetchedAt, now - 2 * 60 * minute);
});
