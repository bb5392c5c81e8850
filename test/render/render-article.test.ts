import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import type {ArticleSource} from '../../source/render/article.js';
import {renderArticle} from '../../source/render/render-article.js';
import {bodyLines, bodyOf, render} from './helpers.js';

const showcase = `Intro with **bold**, *em*, ~~gone~~, \`code\` and a [link](https://example.com/page) :tada:.

## Setup steps

1. First **step** with [a jump](#deep-section)
2. Second, see [the other post](../2024/other.md)
   - nested \`item\`
     - deeper item with enough words to wrap around at narrow widths

> A quoted paragraph long enough to wrap around at the narrower widths we try.
>
> > Nested quote.

\`\`\`python
def greet(name):
    return f"hello {name}"  # a comment long enough to be clipped at narrow widths
\`\`\`

| Key | Action | Notes |
|-----|:------:|-------|
| j | down | one line at a time, or more with a count |
| 漢字 | 二列 | wide characters |

![A diagram of the layers](https://example.com/layers.png)

<div class="note"><script>alert(1)</script><b>Raw</b> HTML &amp; text</div>

<a id="custom-anchor"></a>

### Deep section

Text under the deep section.

Heading with a \`code\` span
---------------------------

The end.`;

const outline: ArticleSource['headings'] = [
	{depth: 2, text: 'Setup steps', id: 'setup-steps', inferred: false},
	{depth: 3, text: 'Deep section', id: 'deep-section', inferred: false},
	{depth: 2, text: 'Heading with a code span', id: 'heading-with-a-code-span', inferred: false},
];

const post: ArticleSource = {title: 'The showcase', body: showcase, headings: outline, date: {iso: '2025-11-20', time: 0}, readingMinutes: 9, tags: ['markdown', 'demo'], description: 'Every element once.', author: 'Ada', cover: 'https://example.com/cover.png'};

test('the header block shows title, date, reading time, author, tags, description and cover', () => {
	const article = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 0, hyperlinks: false});
	assert.deepEqual(article.plain.slice(0, 7), [
		'The showcase',
		'2025-11-20 · 9 min read · by Ada',
		'#markdown #demo',
		'Every element once.',
		'Cover image: https://example.com/cover.png',
		'─'.repeat(80),
		'',
	]);
});

test('an author written in Markdown is rendered inline in the byline, its link followable', () => {
	const options = {width: 80, theme: 'dark', colorLevel: 0, hyperlinks: false} as const;
	const byline = (author: string) => renderArticle({title: 'T', body: 'Body.', headings: [], author}, options);
	const linked = byline('[Jane Doe](https://jane.example) &amp; **Bob** `bot`');
	assert.equal(linked.plain[1], 'by Jane Doe (https://jane.example) & Bob bot');
	assert.deepEqual(linked.links.map(link => [link.text, link.target, link.line]), [['Jane Doe', 'https://jane.example', 1]]);
	assert.equal(byline('Plain Name').plain[1], 'by Plain Name');
	const coloured = renderArticle({title: 'T', body: 'Body.', headings: [], author: '**Bob**'}, {...options, colorLevel: 3});
	assert.ok(coloured.lines[1]!.includes('\u001B[1mBob'), coloured.lines[1]);
	assert.equal(byline(`${'__a'.repeat(30_000)}`).plain[1]!.length < 400, true);
});

test('a description taken from the first paragraph is not shown twice', () => {
	const body = 'The opening words of the post, which also became its description.\n\nMore.';
	const article = renderArticle({title: 'T', body, headings: [], description: 'The opening words of the post, which also became its description.', sources: {description: 'first paragraph'}}, {width: 80, theme: 'dark', colorLevel: 0, hyperlinks: false});
	assert.equal(article.plain.filter(line => line.startsWith('The opening words')).length, 1);
	assert.deepEqual(article.plain.slice(0, 3), ['T', '─'.repeat(80), '']);
});

test('each element renders as expected', () => {
	const lines = bodyLines(renderArticle(post, {width: 60, theme: 'dark', colorLevel: 0, hyperlinks: false}));
	assert.deepEqual(lines, [
		'Intro with bold, em, gone, code and a link',
		'(https://example.com/page) 🎉.',
		'',
		'Setup steps',
		'───────────',
		'',
		'1. First step with a jump',
		'2. Second, see the other post',
		'   ◦ nested item',
		'     ▪ deeper item with enough words to wrap around at',
		'       narrow widths',
		'',
		'│ A quoted paragraph long enough to wrap around at the',
		'│ narrower widths we try.',
		'│',
		'│ │ Nested quote.',
		'',
		'╭─ python ─────────────────────────────────────────────────╮',
		'│ def greet(name):                                         │',
		'│     return f"hello {name}"  # a comment long enough to … │',
		'╰──────────────────────────────────────────────────────────╯',
		'',
		'┌──────┬────────┬──────────────────────────────────────────┐',
		'│ Key  │ Action │ Notes                                    │',
		'├──────┼────────┼──────────────────────────────────────────┤',
		'│ j    │  down  │ one line at a time, or more with a count │',
		'│ 漢字 │  二列  │ wide characters                          │',
		'└──────┴────────┴──────────────────────────────────────────┘',
		'',
		'[image: A diagram of the layers]',
		'https://example.com/layers.png',
		'',
		'Raw HTML & text',
		'',
		'### Deep section',
		'',
		'Text under the deep section.',
		'',
		'Heading with a code span',
		'────────────────────────',
		'',
		'The end.',
	]);
});

test('styling: headings, emphasis, code and links are styled; NO_COLOR output has no escape', () => {
	const styled = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 3, hyperlinks: true});
	const text = styled.lines.join('\n');
	assert.ok(text.includes('\u001B[1mbold\u001B[22m'));
	assert.ok(text.includes('\u001B[3mem\u001B[23m'));
	assert.ok(text.includes('\u001B[9mgone\u001B[29m'));
	assert.ok(/\u001B\[38;2;\d+;\d+;\d+m\u001B\[1mSetup steps/.test(text), 'h2 coloured and bold');
	const light = renderArticle(post, {width: 80, theme: 'light', colorLevel: 3, hyperlinks: true});
	assert.notDeepEqual(light.lines, styled.lines, 'themes differ');
	assert.deepEqual(light.plain, styled.plain);
	const none = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 0, hyperlinks: true});
	assert.ok(!none.lines.join('\n').includes('\u001B'));
	assert.deepEqual(none.lines, none.plain);
});

test('colour levels are per call: 16 colours and truecolor side by side', () => {
	const basic = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 1, hyperlinks: false}).lines.join('\n');
	const full = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 3, hyperlinks: false}).lines.join('\n');
	assert.ok(!basic.includes('38;2;') && !basic.includes('38;5;'));
	assert.ok(full.includes('38;2;'));
});

test('every heading\'s line shows its text, and every anchor resolves, at every width', () => {
	for (let width = 20; width <= 300; width += 7) {
		const article = renderArticle(post, {width, theme: 'dark', colorLevel: 3, hyperlinks: true});
		assert.deepEqual(article.headings.map(heading => heading.id), ['setup-steps', 'deep-section', 'heading-with-a-code-span']);
		for (const heading of article.headings) {
			const shown = article.plain.slice(heading.line, heading.line + 2).join(' ').replace(/^#+ /, '');
			assert.ok(shown.replaceAll(/\s+/g, ' ').includes(heading.text.split(' ')[0]!), `width ${width}: ${heading.text} at line ${heading.line}: ${shown}`);
			assert.equal(article.anchors[heading.id], heading.line);
		}

		assert.equal(article.anchors['custom-anchor'], article.anchors['deep-section'], 'an anchor alone in a paragraph points at what follows');
		for (const link of article.links.filter(link => link.kind === 'anchor')) {
			assert.ok(link.anchor! in article.anchors, `${link.anchor} resolves`);
		}

		for (const line of article.lines) {
			assert.ok(stringWidth(line) <= width, `width ${width}: ${JSON.stringify(line)}`);
		}
	}
});

test('headings without an outline get GitHub-style ids', () => {
	const article = render('# Hello, World!\n\n## Hello, World!\n\n### Ünïcode & more');
	assert.deepEqual(article.headings.map(({id, text, depth}) => ({id, text, depth})), [
		{id: 'hello-world', text: 'Hello, World!', depth: 1},
		{id: 'hello-world-1', text: 'Hello, World!', depth: 2},
		{id: 'ünïcode--more', text: 'Ünïcode & more', depth: 3},
	]);
});

test('inferred headings are styled as headings and listed', () => {
	const body = 'Intro line.\n\n**Data Management:**\n\nSome text.\n\nKey takeaways:\n\nMore text.';
	const article = render(body, {}, {headings: [
		{depth: 2, text: 'Data Management', id: 'data-management', inferred: true, line: 2, source: '**Data Management:**'},
		{depth: 3, text: 'Key takeaways', id: 'key-takeaways', inferred: true, line: 6, source: 'Key takeaways:'},
	]});
	assert.deepEqual(bodyLines(article), ['Intro line.', '', 'Data Management', '───────────────', '', 'Some text.', '', '### Key takeaways', '', 'More text.']);
	assert.deepEqual(article.headings.map(heading => [heading.id, heading.line, heading.inferred]), [['data-management', 5], ['key-takeaways', 10]].map(([id, line]) => [id, line, true]));
});

test('links are recorded with their kind and where they sit on each line', () => {
	const article = renderArticle(post, {width: 30, theme: 'dark', colorLevel: 3, hyperlinks: false});
	const summary = article.links.map(({text, target, kind, anchor}) => ({text, target, kind, anchor}));
	assert.deepEqual(summary, [
		{text: 'cover image', target: 'https://example.com/cover.png', kind: 'external', anchor: undefined},
		{text: 'link', target: 'https://example.com/page', kind: 'external', anchor: undefined},
		{text: 'a jump', target: '#deep-section', kind: 'anchor', anchor: 'deep-section'},
		{text: 'the other post', target: '../2024/other.md', kind: 'post', anchor: undefined},
		{text: 'A diagram of the layers', target: 'https://example.com/layers.png', kind: 'external', anchor: undefined},
	]);
	const shown = article.links.map(link => {
		assert.equal(link.line, link.spans[0]!.line);
		return link.spans.map(span => article.plain[span.line]!.slice(span.from, span.to)).join(' ');
	});
	assert.deepEqual(shown, [
		'https://example.com/cover.png',
		'link (https://example.com/page)',
		'a jump',
		'the other post',
		'[image: A diagram of the layers] https://example.com/layers.png',
	]);
	const jump = article.links[2]!;
	assert.equal(stripAnsi(article.lines[jump.line]!).slice(jump.spans[0]!.from, jump.spans[0]!.to), 'a jump');
});

test('the reading width caps and centres the text in wide terminals', () => {
	const article = render('A paragraph of text.\n\n---', {width: 140});
	assert.equal(article.plain.at(-1), `${' '.repeat(20)}${'─'.repeat(100)}`);
	assert.ok(article.plain.every(line => line === '' || line.startsWith(' '.repeat(20))));
	assert.equal(render('---', {width: 140, readingWidth: 0}).plain.at(-1), '─'.repeat(140));
	assert.equal(render('---', {width: 140, readingWidth: 60}).plain.at(-1), `${' '.repeat(40)}${'─'.repeat(60)}`);
});

test('widths from 1 to 19 never throw', () => {
	for (let width = 1; width < 20; width++) {
		for (const colorLevel of [0, 3] as const) {
			assert.ok(renderArticle(post, {width, theme: 'light', colorLevel, hyperlinks: true}).lines.length > 0);
		}
	}
});

test('emoji shortcodes become emoji outside code only', () => {
	assert.deepEqual(bodyOf('Ship it :rocket: `:rocket:` :not-an-emoji:'), ['Ship it 🚀 :rocket: :not-an-emoji:']);
});

test('pathological input renders without throwing or falls back to plain text', () => {
	for (const body of ['>'.repeat(2000), '*a **a '.repeat(800), `${'- '.repeat(500)}x`, `${'['.repeat(5000)}x${']'.repeat(5000)}`]) {
		const article = render(body, {width: 40});
		assert.ok(article.lines.length > 0);
		assert.ok(article.lines.every(line => stringWidth(line) <= 40));
	}
});

test('tabs in code expand to the next multiple of four columns', () => {
	assert.deepEqual(bodyOf('```\na\tb\nabcd\tx\n\tz\n```'), ['╭───────────╮', '│ a   b     │', '│ abcd    x │', '│     z     │', '╰───────────╯']);
});

test('the body is lexed as written, so headings match an outline made from the raw body', () => {
	const article = render('#\tTabbed\u0007 heading\n\nText\u001B[31m.\n\n- \titem', {}, {headings: [{depth: 1, text: 'Tabbed heading', id: 'tabbed-heading', inferred: false}]});
	assert.deepEqual(article.headings.map(heading => [heading.id, heading.text]), [['tabbed-heading', 'Tabbed heading']]);
	assert.deepEqual(bodyLines(article), ['Tabbed heading', '══════════════', '', 'Text[31m.', '', '• item']);
});

test('GitHub alerts get a titled, coloured bar; other quotes keep the plain bar', () => {
	assert.deepEqual(bodyOf('> [!NOTE]\n> Useful **info**.\n\n> [!WARNING]\n>\n> Careful.\n\n> plain [!NOTE]'), ['│ ℹ Note', '│ Useful info.', '', '│ ⚠ Warning', '│ Careful.', '', '│ plain [!NOTE]']);
	const styled = render('> [!CAUTION]\n> Hot.', {colorLevel: 3}).lines.join('\n');
	assert.ok(styled.includes('\u001B[38;2;255;95;95m\u001B[1m│ '), 'caution bar in red');
});

test('loose list items: blank lines between paragraphs carry no indentation', () => {
	assert.deepEqual(bodyOf('- first paragraph\n\n  second paragraph\n\n- next item'), ['• first paragraph', '', '  second paragraph', '', '• next item']);
});

test('anchor links match ids case-insensitively; autolinks do not repeat their URL; no trailing blank line', () => {
	const article = render('## Setup\n\nSee [setup](#Setup), www.example.com and <me@example.com>.\n\n');
	assert.equal(article.links[0]!.anchor, 'setup');
	assert.deepEqual(bodyLines(article), ['Setup', '─────', '', 'See setup, www.example.com and me@example.com.']);
	assert.deepEqual(render('').plain, ['Test post', '─'.repeat(80), '']);
});

test('image links are marked as images, also relative ones', () => {
	const article = render('![diagram](./diagram.png) and [a post](./other.md)');
	assert.deepEqual(article.links.map(({target, kind, image}) => ({target, kind, image})), [
		{target: './diagram.png', kind: 'post', image: true},
		{target: './other.md', kind: 'post', image: undefined},
	]);
});

test('huge blocks render: a 200,000-line code block, a 2 MB single-line paragraph, a 50,000-item list', () => {
	const code = render(`\`\`\`\n${'x\n'.repeat(200_000)}\`\`\``, {width: 40});
	assert.equal(code.notice, undefined);
	assert.equal(code.lines.length, 3 + 200_002);
	const paragraph = render('word '.repeat(400_000), {width: 100});
	assert.equal(paragraph.notice, undefined);
	assert.equal(paragraph.plain.length, 3 + Math.ceil(400_000 / 20));
	const list = render('- item\n'.repeat(50_000), {width: 40});
	assert.equal(list.plain.length, 3 + 50_000);
});
