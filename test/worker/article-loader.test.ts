import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import stringWidth from 'string-width';
import {createArticleLoader, defaultTimeBudget} from '../../source/worker/article-loader.js';
import type {ArticleSource} from '../../source/render/article.js';
import {warmUpSteps} from '../../source/worker/warm-up.js';

const loader = createArticleLoader({theme: 'dark', colorLevel: 0, hyperlinks: false, timeBudgetMs: 1500});
const colourLoader = createArticleLoader({theme: 'dark', colorLevel: 3, hyperlinks: true});
after(() => {
	loader.close();
	colourLoader.close();
});

const post: ArticleSource = {title: 'Hello', body: '# Setup\n\nSome **bold** text and a [link](https://example.com).', headings: [{depth: 1, text: 'Setup', id: 'setup', inferred: false, line: 0}]};

test('renders in a worker, the same as renderArticle', async () => {
	const article = await loader(post, 40);
	assert.equal(article.notice, undefined);
	assert.deepEqual(article.lines, ['Hello', '─'.repeat(40), '', 'Setup', '═════', '', 'Some bold text and a link', '(https://example.com).']);
	assert.deepEqual(article.anchors, {setup: 3});
});

test('caches per post and width; two loaders keep their own colour level and hyperlinks', async () => {
	assert.equal(await loader(post, 40), await loader(post, 40));
	assert.notEqual(await loader(post, 41), await loader(post, 40));
	const coloured = await colourLoader(post, 40);
	assert.ok(coloured.lines.join('').includes('\u001B]8;;https://example.com\u001B\\'));
	assert.ok(!(await loader(post, 40)).lines.join('').includes('\u001B'));
});

test('a render past the time budget gives plain text with a notice, and the next post still renders', async () => {
	const slow: ArticleSource = {title: 'Slow', body: `# Top\n\n${'__a'.repeat(40_000)}`, headings: [{depth: 1, text: 'Top', id: 'top', inferred: false, line: 0}]};
	const article = await loader(slow, 60);
	assert.equal(article.notice, 'Shown as plain text: rendering took longer than 1.5 s.');
	assert.equal(article.plain[0], 'Shown as plain text: rendering took longer than 1.5 s.');
	assert.equal(article.plain[1], 'Slow');
	assert.equal(article.plain[article.anchors.top!], '# Top');
	assert.ok(article.lines.every(line => stringWidth(line) <= 60));
	assert.ok(article.plain.join('').includes('__a__a'));
	const after = await loader({...post, title: 'After'}, 40);
	assert.equal(after.notice, undefined);
	assert.equal(after.plain[0], 'After');
});

test('input that may overflow marked\'s stack (it depends on the thread\'s stack size) never breaks the loader', async () => {
	const article = await loader({title: 'Deep', body: '>'.repeat(2000), headings: []}, 50);
	assert.match(article.notice ?? 'Shown as plain text: ', /^Shown as plain text: /);
	assert.ok(article.plain.join('').includes('Deep'));
	assert.ok(article.lines.every(line => stringWidth(line) <= 50));
	assert.equal((await loader(post, 40)).notice, undefined);
});

test('the default time budget grows with big posts, within bounds', () => {
	assert.deepEqual([0, 100_000, 1_000_000, 2_000_000, 10_000_000].map(length => defaultTimeBudget(length)), [3000, 3000, 5000, 10_000, 15_000]);
});

test('a loader started ahead of need warms its renderer up, and a post asked for meanwhile renders like a cold one', async () => {
	const warm = createArticleLoader({theme: 'dark', colorLevel: 0, hyperlinks: false, warmUpAfterMs: 0});
	try {
		// Asked for once the worker is surely busy warming up (its first step is a cold render).
		await new Promise(resolve => {
			setTimeout(resolve, 300);
		});
		assert.deepEqual((await warm(post, 40)).lines, (await loader(post, 40)).lines);
		assert.equal(await warm.whenWarm(), warmUpSteps);
	} finally {
		warm.close();
	}
});

test('without warmUpAfterMs, or once closed, whenWarm says no warm-up ran', async () => {
	assert.equal(await loader.whenWarm(), 0);
	const closed = createArticleLoader({theme: 'dark', colorLevel: 0, hyperlinks: false, warmUpAfterMs: 60_000});
	closed.close();
	assert.equal(await closed.whenWarm(), 0);
});
