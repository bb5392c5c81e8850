import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import type {Library, Post} from '../../../source/content/post.js';
import {renderArticle} from '../../../source/render/render-article.js';
import {App} from '../../../source/ui/App.js';
import {staticLibrary} from '../../../source/ui/services.js';
import {frameWhere} from '../frame-where.js';
import {makePost} from './fixture.js';

const filler = (topic: string) => Array.from({length: 5}, (_, index) => `Paragraph ${index + 1} about ${topic}, long enough to need a line of its own in the pager.`).join('\n\n');

// Headings inside a quote, a list item and a quote in a list, with prose between so each jump scrolls.
const body = [
	'## Top', '', filler('the top'), '',
	'> ## Quoted', '>', '> In the quote.', '', filler('the quote'), '',
	'* ### Listed', '  In the item.', '', filler('the list'), '',
	'- Outer', '  > #### Deep inside', '', filler('the deep part'), '',
	'## Last', '', filler('the end'),
].join('\n');
const post = makePost('nested', 'Nested headings', body);
const library: Library = {root: '/blog', label: './blog', posts: [post], problems: []};
const loadArticle = async (shown: Post, width: number) => renderArticle(shown, {width, theme: 'dark', colorLevel: 0, hyperlinks: false});
const topLine = (frame: string) => (frame.split('\n')[2] ?? '').trim();

test('the jump menu lists headings inside quotes and list items and puts each on the top line', async () => {
	assert.deepEqual(post.headings.map(heading => heading.text), ['Top', 'Quoted', 'Listed', 'Deep inside', 'Last']);
	const drawn = await loadArticle(post, 80);
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	Object.defineProperty(app.stdout, 'columns', {value: 80, configurable: true});
	Object.defineProperty(app.stdout, 'rows', {value: 24, configurable: true});
	app.stdout.emit('resize');
	const type = async (input: string) => {
		app.stdin.write(input);
		await delay(60);
	};

	await frameWhere(app, frame => frame.includes('Nested headings'), 'the list');
	await type('\r');
	await frameWhere(app, frame => frame.includes('Paragraph 1 about the top'), 'the article');
	for (const [index, text] of ['Quoted', 'Listed', 'Deep inside'].entries()) {
		const heading = drawn.headings[index + 1]!;
		assert.equal(heading.text, text);
		await type('t');
		await frameWhere(app, frame => frame.includes('Jump to heading'), 'the menu');
		await type(`${'\u001B[B'.repeat(index + 1)}\r`);
		await frameWhere(app, frame => !frame.includes('Jump to heading') && topLine(frame) === drawn.plain[heading.line]!.trim() && topLine(frame).endsWith(text), `"${text}" on the top line`);
		await type('g');
	}

	app.unmount();
});
