// Each test pins down something marked 18 + marked-terminal 7.3.1 got wrong (see the stack notes).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {bodyLines, bodyOf, render} from './helpers.js';

test('inline Markdown inside tight list items is rendered, not printed literally', () => {
	const lines = bodyOf('- a **bold** word, `code` and [a link](#x)\n- second _em_ item');
	assert.deepEqual(lines, ['• a bold word, code and a link', '• second em item']);
	const styled = render('- a **bold** word', {colorLevel: 3});
	assert.ok(styled.lines.some(line => line.includes('\u001B[1mbold\u001B[22m')), 'bold is styled');
});

test('task list checkboxes appear once', () => {
	assert.deepEqual(bodyOf('- [x] done\n- [ ] to do\n\n1. [ ] first\n2. second'), ['☑ done', '☐ to do', '', '1. ☐ first', '2.   second']);
});

test('width is honoured by paragraphs, counting CJK and emoji as two columns', () => {
	const text = '漢字かな交じり文は二列ずつ使います。'.repeat(6) + ' 😀😀😀 emoji 😀 '.repeat(5);
	for (const width of [20, 21, 33, 80]) {
		const lines = bodyOf(text, {width});
		assert.ok(lines.every(line => stringWidth(line) <= width), `width ${width}`);
		assert.equal(lines.join('').replaceAll(' ', ''), text.replaceAll(' ', ''));
	}
});

test('list items wrap inside their indentation', () => {
	const lines = bodyOf('- outer item\n  - inner item whose text is long enough to wrap at thirty columns', {width: 30});
	assert.deepEqual(lines, [
		'• outer item',
		'  ◦ inner item whose text is',
		'    long enough to wrap at',
		'    thirty columns',
	]);
});

test('horizontal rules use the given width, not the terminal\'s', () => {
	for (const width of [20, 37, 123]) {
		assert.deepEqual(bodyOf('a\n\n---\n\nb', {width, readingWidth: 0}), ['a', '', '─'.repeat(width), '', 'b']);
	}
});

test('tables fit the width: columns shrink and cells wrap', () => {
	const table = '| Name | Description | Notes | N |\n|---|---|---|--:|\n| alpha | a long description that must wrap to fit in a narrow terminal | more words here too | 1 |\n| 漢字 | wide | x | 22 |';
	for (const width of [20, 40, 60, 100]) {
		const lines = bodyOf(table, {width});
		assert.ok(lines.every(line => stringWidth(line) <= width), `width ${width}:\n${lines.join('\n')}`);
	}

	assert.deepEqual(bodyOf(table, {width: 40}), [
		'┌───────┬─────────────────┬───────┬────┐',
		'│ Name  │ Description     │ Notes │  N │',
		'├───────┼─────────────────┼───────┼────┤',
		'│ alpha │ a long          │ more  │  1 │',
		'│       │ description     │ words │    │',
		'│       │ that must wrap  │ here  │    │',
		'│       │ to fit in a     │ too   │    │',
		'│       │ narrow terminal │       │    │',
		'│ 漢字  │ wide            │ x     │ 22 │',
		'└───────┴─────────────────┴───────┴────┘',
	]);
	assert.deepEqual(bodyOf('| a | b |\n|---|--:|\n| 1 | 22 |'), ['┌───┬────┐', '│ a │  b │', '├───┼────┤', '│ 1 │ 22 │', '└───┴────┘']);
});

test('a table with more columns than fit becomes one line per cell', () => {
	const header = Array.from({length: 8}, (_, index) => `h${index}`);
	const table = `| ${header.join(' | ')} |\n|${'---|'.repeat(8)}\n| ${header.map(cell => `v${cell}`).join(' | ')} |`;
	assert.deepEqual(bodyOf(table, {width: 20}), header.map(cell => `${cell}: v${cell}`));
});

test('code without a language is not highlighted; labelled code is', () => {
	const plain = render('```\nconst x = 1; return x;\n```', {colorLevel: 3});
	const line = plain.lines.find(candidate => stripAnsi(candidate).includes('const x'))!;
	assert.ok(line.includes('const x = 1; return x;'), 'no escape inside unlabelled code');
	const labelled = render('```js\nconst x = 1; return x;\n```', {colorLevel: 3});
	const coloured = labelled.lines.find(candidate => stripAnsi(candidate).includes('const x'))!;
	assert.ok(!coloured.includes('const x = 1;'), 'keywords and numbers are coloured');
	assert.ok(labelled.plain.some(candidate => candidate.startsWith('╭─ js ─')), 'labelled');
});

test('code is clipped at the edge, never wrapped', () => {
	const lines = bodyOf('```ts\nconst visible = lines.slice(top, top + height);\nshort\n```', {width: 30});
	assert.deepEqual(lines, [
		'╭─ ts ───────────────────────╮',
		'│ const visible = lines.sli… │',
		'│ short                      │',
		'╰────────────────────────────╯',
	]);
});

test('blank lines do not depend on the colour level', () => {
	const body = '- one\n  - nested\n    - deeper\n- two\n\n> quote\n> - in a list\n\n1. a\n\n   b\n2. c\n\n| x | y |\n|---|---|\n| 1 | 2 |';
	const plain = render(body, {colorLevel: 0});
	for (const colorLevel of [1, 2, 3] as const) {
		assert.deepEqual(render(body, {colorLevel}).lines.map(line => stripAnsi(line)), plain.lines);
	}
});

test('hyperlinks are decided by the caller, per render', () => {
	const body = 'See [the site](https://example.com/a) or [mail](mailto:me@example.com).';
	const linked = render(body, {colorLevel: 3, hyperlinks: true});
	assert.ok(linked.lines.join('\n').includes('\u001B]8;;https://example.com/a\u001B\\'));
	assert.deepEqual(bodyLines(linked), ['See the site or mail.']);
	const unlinked = render(body, {colorLevel: 3, hyperlinks: false});
	assert.ok(!unlinked.lines.join('\n').includes('\u001B]8;'));
	assert.deepEqual(bodyLines(unlinked), ['See the site (https://example.com/a) or mail (mailto:me@example.com).']);
	assert.ok(!render(body, {colorLevel: 0, hyperlinks: true}).lines.join('').includes('\u001B'), 'colour level 0 means no escape at all');
});

test('control characters in body text are still removed (what marked-terminal got right)', () => {
	assert.deepEqual(bodyOf('a\u0007b\u001B[2Jc\u009Bd'), ['ab[2Jcd']);
});
