import assert from 'node:assert/strict';
import {test} from 'node:test';
import {jsxChildren} from '../../source/content/jsx-children.js';
import {bodyOf, render} from './helpers.js';

test('an MDX component block gives its Markdown children, tags dropped and indentation removed', () => {
	assert.equal(jsxChildren('<Callout>\nSee [x](https://u.example) and **b**\n</Callout>'), 'See [x](https://u.example) and **b**');
	assert.equal(jsxChildren('<Note type="warning">\n  <Callout emoji="💡">\n  - a `c`\n      - b\n  </Callout>\n</Note>'), '- a `c`\n    - b');
	assert.equal(jsxChildren('<Tabs><Tab label="a">\nfirst\n<Tab.Item />\nsecond</Tab></Tabs>'), 'first\n\nsecond');
	assert.equal(jsxChildren('<Image src="/a.png" alt="x" />'), '');
	assert.equal(jsxChildren('<div>\n*raw*\n</div>'), undefined);
	assert.equal(jsxChildren('<details>\n<summary>S</summary>\n</details>'), undefined);
});

test('MDX blocks with Markdown inside render the Markdown, not the tags or the syntax', () => {
	const body = [
		'<Callout>',
		'See [the docs](https://docs.example) and **bold** &amp; `code`.',
		'</Callout>',
		'',
		'<Note type="warning">',
		'  <Callout emoji="💡">',
		'  - first *item*',
		'  - second',
		'  </Callout>',
		'</Note>',
		'',
		'<Tabs>',
		'```js',
		'const a = 1;',
		'```',
		'</Tabs>',
	].join('\n');
	assert.deepEqual(bodyOf(body), [
		'See the docs (https://docs.example) and bold & code.',
		'',
		'• first item',
		'• second',
		'',
		'╭─ js ─────────╮',
		'│ const a = 1; │',
		'╰──────────────╯',
	]);
	assert.deepEqual(render(body).links.map(link => link.target), ['https://docs.example']);
});

test('a real HTML block keeps HTML\'s rule: its text is shown, Markdown in it is not parsed, tags never shown', () => {
	assert.deepEqual(bodyOf('<div align="center">\n*not emphasis* &amp; <b>bold</b>\n</div>'), ['*not emphasis* & bold']);
});

test('hostile component lines finish quickly (no backtracking pattern: one took seconds on 50,000 spaces)', () => {
	for (const body of [`<A ${' '.repeat(200_000)}`, `<A>\n${' '.repeat(200_000)}x`, `<A>\nx${' <B/>'.repeat(50_000)}`, `<A>${' <B x=1>'.repeat(50_000)}y`]) {
		assert.equal(typeof jsxChildren(body), 'string');
	}
});

test('component tags with dotted names and `{…}` attributes over several lines are dropped whole', () => {
	const body = [
		'Before.',
		'',
		'<Menu.Root as="nav" className="my-4">',
		'  <Menu.Item',
		'    className={({ active }) =>',
		'      `px-2 ${active ? \'on\' : \'off\'} text-sm`',
		'    }',
		'  >',
		'    First **item**',
		'  </Menu.Item>',
		'  <Menu.Panel>',
		'    <DemoOne />',
		'  </Menu.Panel>',
		'</Menu.Root>',
		'',
		'After.',
	].join('\n');
	assert.deepEqual(bodyOf(body), ['Before.', '', 'First item', '', 'After.']);
});

test('MDX expressions: `{\' \'}` is a space, an image whose `src` is an expression shows no address', () => {
	const body = '<p className="lead">\n  We shipped{\' \'}\n  <a href="https://x.example"><code>the-plugin</code></a>\n  today.\n</p>\n\n<img src={bannerImage} alt="The banner" />\n\n<a href="https://x.example">\n  <img\n    src={cardImage}\n    alt="A card"\n  />\n</a>';
	assert.deepEqual(bodyOf(body), ['We shipped', 'the-plugin', 'today.', '', '[image: The banner]', '', '[image: A card]']);
});
