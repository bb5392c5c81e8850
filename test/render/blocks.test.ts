import assert from 'node:assert/strict';
import {test} from 'node:test';
import {lineAt, placeOf} from '../../source/ui/reader/reading-place.js';
import {render} from './helpers.js';

const body = [
	'Intro paragraph that is long enough to wrap into several lines when the terminal is narrow enough.',
	'',
	'## First section',
	'',
	'- a list item',
	'- another item that wraps when the width is small',
	'',
	'```js',
	'const answer = 42;',
	'```',
	'',
	'| a | b |',
	'|---|---|',
	'| 1 | 2 |',
	'',
	'## Second section',
	'',
	'Closing words.',
].join('\n');
const sourceLines = body.split('\n');

test('every block records the body line its Markdown starts on, at any width', () => {
	for (const width of [20, 40, 80, 200]) {
		const article = render(body, {width});
		const lines = article.blocks.map(block => block.line);
		assert.deepEqual([...lines].sort((a, b) => a - b), lines, 'in order');
		for (const heading of article.headings) {
			const block = article.blocks.find(each => each.line === heading.line);
			assert.ok(block, `a block starts at ${heading.text}`);
			assert.equal(sourceLines[block.source], `## ${heading.text}`, `width ${width}`);
		}

		const code = article.blocks.find(block => sourceLines[block.source] === '```js');
		assert.ok(code && article.plain[code.line]!.includes('js'), 'the code block starts where its fence is');
	}
});

test('a place taken at one width lands on the same heading at another', () => {
	const wide = render(body, {width: 120});
	const narrow = render(body, {width: 24});
	for (const [index, heading] of wide.headings.entries()) {
		assert.equal(lineAt(narrow, placeOf(wide, heading.line)), narrow.headings[index]!.line);
	}

	assert.equal(lineAt(narrow, placeOf(wide, 0)), 0, 'the header block stays the top');
});

test('the plain-text fallback maps every body line too', async () => {
	const {plainArticle} = await import('../../source/render/plain-article.js');
	const article = plainArticle({title: 'T', body, headings: []}, {width: 30, theme: 'dark', colorLevel: 0, hyperlinks: false}, 'Shown as plain text.');
	const second = article.blocks.find(block => sourceLines[block.source] === '## Second section')!;
	assert.equal(article.plain[second.line], '## Second section');
});
