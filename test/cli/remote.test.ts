import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {feedServerForTests, startFeedServer} from '../sources/feed-server.js';
import {blog, oneLineError, runCliAsync} from './run-cli.js';

const files = feedServerForTests('cli-cache');

const env = () => ({XDG_CACHE_HOME: files.folder});

test('list --json on a feed: the folder schema, plus url', async () => {
	const run = await runCliAsync(['list', files.server.url('/rss.xml'), '--json'], {env: env()});
	assert.equal(run.status, 0, run.stderr);
	const [first] = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
	assert.deepEqual(Object.keys(first!), ['slug', 'title', 'date', 'updated', 'tags', 'description', 'readingMinutes', 'draft', 'author', 'path', 'headings', 'warnings', 'url']);
	assert.deepEqual({slug: first!['slug'], date: first!['date'], tags: first!['tags'], author: first!['author'], url: first!['url']}, {
		slug: 'compost-heat',
		date: '2025-03-08T09:15:00+00:00',
		tags: ['compost', 'soil'],
		author: 'Maren Okafor',
		url: files.server.url('/notes/2025/compost-heat.html'),
	});
	assert.equal(readdirSync(path.join(files.folder, 'blog-tui')).length, 1, 'one copy kept under XDG_CACHE_HOME/blog-tui');
});

test('list takes several sources at once: a feed, a site and a folder; a broken one is a problem line', async () => {
	const run = await runCliAsync(['list', files.server.url('/feed.json'), files.server.url('/site/'), blog, files.server.url('/broken.xml'), '--width', '100'], {env: env()});
	assert.equal(run.status, 0, run.stderr);
	for (const title of ['Counting scheduler ticks', 'Night train to the coast', 'Async Rust without tears']) {
		assert.match(run.stdout, new RegExp(title, 'i'));
	}

	assert.match(run.stderr, /broken\.xml: not a valid feed: broken XML/);
});

test('read URL prints a Markdown post or an article; a feed is pointed to the browser', async () => {
	const markdown = await runCliAsync(['read', files.server.url('/post.md'), '--width', '60'], {env: env()});
	assert.equal(markdown.status, 0, markdown.stderr);
	assert.match(markdown.stdout, /^Sharpening a card scraper\n2024-06-11/);
	const article = await runCliAsync(['read', files.server.url('/article.html')], {env: env()});
	assert.match(article.stdout, /The poke test/);
	assert.doesNotMatch(article.stdout, /Subscribe|Home/);
	const feed = await runCliAsync(['read', files.server.url('/atom.xml')], {env: env()});
	assert.equal(feed.status, 1);
	assert.equal(oneLineError(feed), `blog-tui: ${files.server.url('/atom.xml')} is a feed of 2 posts — browse it with blog-tui ${files.server.url('/atom.xml')}, or list them with blog-tui list ${files.server.url('/atom.xml')}`);
	const missing = await runCliAsync(['read', files.server.url('/gone.md')], {env: env()});
	assert.equal(oneLineError(missing), `blog-tui: ${files.server.url('/gone.md')}: HTTP 404 Not Found — nothing to show`);
});

test('with the server stopped, list shows the cached copy and says how old it is', async () => {
	const own = await startFeedServer();
	const url = own.url('/atom.xml');
	assert.equal((await runCliAsync(['list', url], {env: env()})).status, 0);
	await own.close();
	const run = await runCliAsync(['list', url, '--width', '100'], {env: env()});
	assert.equal(run.status, 0, run.stderr);
	assert.match(run.stdout, /Night train to the coast/);
	assert.match(run.stderr, /connection refused — showing the copy saved a minute ago/);
});
