import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeEntities, decodeHtmlEntities} from '../../source/content/decode-entities.js';
import {extractHeadings} from '../../source/content/outline.js';
import {bodyOf, render} from './helpers.js';

const sentence = 'It&rsquo;s &amp; done &mdash; caf&eacute; &#x1F600; &#233; &ngE; &Afr;';
const decoded = 'It’s & done — café 😀 é ≧̸ 𝔄';

test('every HTML5 named and numeric entity is decoded (the spec\'s rule: only with its `;`)', () => {
	assert.equal(decodeEntities(sentence), decoded);
	assert.equal(decodeEntities('&copy 2020 &#; &x; &#0; &#xD800; &#1114112;'), '&copy 2020 &#; &x; \uFFFD \uFFFD \uFFFD');
	// Inside raw HTML a browser also reads the legacy names written without `;`.
	assert.equal(decodeHtmlEntities('&copy 2020 &amp'), '© 2020 &');
});

test('a decoded entity never yields a control character', () => {
	for (const entity of ['&#27;', '&#x1b;', '&#7;', '&#127;', '&#x202e;', '&#x2066;', '&#13;']) {
		assert.equal(decodeEntities(`a${entity}b`), 'ab', entity);
		assert.equal(decodeHtmlEntities(`a${entity}b`), 'ab', entity);
	}

	assert.equal(decodeEntities('a&#9;b&#10;c'), 'a\tb\nc');
	// HTML5 reads 0x80–0x9F references as the Windows-1252 characters, never as C1 controls.
	assert.equal(decodeEntities('&#x9b;&#150;'), '›–');
});

test('entities are decoded wherever the renderer puts text on screen', () => {
	const body = [
		`# Heading ${sentence}`,
		'',
		sentence,
		'',
		'- item &amp; *em &lt;x&gt;*',
		'',
		'[link &amp; text](https://example.com/?a=1&amp;b=2) ![alt &eacute;](pic&amp;.png)',
		'',
		'| head &amp; | b |',
		'|---|---|',
		'| cell &lt;1&gt; | &mdash; |',
		'',
		'<p>html &amp; &copy 2020 &#x1b;[2J</p>',
		'',
		'inline <span title="x">html &hellip;</span> <img alt="photo &amp; more" src="a.png">',
	].join('\n');
	assert.deepEqual(bodyOf(body, {width: 120, readingWidth: 0}), [
		`Heading ${decoded}`,
		'═'.repeat(35),
		'',
		decoded,
		'',
		'• item & em <x>',
		'',
		'link & text (https://example.com/?a=1&b=2) [image: alt é] pic&.png',
		'',
		'┌──────────┬───┐',
		'│ head &   │ b │',
		'├──────────┼───┤',
		'│ cell <1> │ — │',
		'└──────────┴───┘',
		'',
		'html & © 2020 [2J',
		'',
		'inline html … [image: photo & more] a.png',
	]);
});

test('entities stay as written in code, and an escaped `&` is not an entity', () => {
	assert.deepEqual(bodyOf('`a&amp;b` \\&amp; &#38;amp;\n\n```\nx &amp; y\n```'), ['a&amp;b &amp; &amp;', '', '╭───────────╮', '│ x &amp; y │', '╰───────────╯']);
});

test('heading ids and the outline use the decoded text', () => {
	const body = '## Tips &amp; Tricks\n\n## Caf&eacute; `a&amp;`';
	const outline = extractHeadings(body);
	assert.deepEqual(outline.map(heading => [heading.text, heading.id]), [['Tips & Tricks', 'tips--tricks'], ['Café a&amp;', 'café-aamp']]);
	const article = render(body, {}, {headings: outline});
	assert.deepEqual(article.headings.map(heading => [heading.text, heading.id]), [['Tips & Tricks', 'tips--tricks'], ['Café a&amp;', 'café-aamp']]);
	const unnamed = render(body);
	assert.deepEqual(unnamed.headings.map(heading => heading.text), ['Tips & Tricks', 'Café a&amp;']);
});
