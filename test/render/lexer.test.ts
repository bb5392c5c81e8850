import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Lexer} from 'marked';
import {bodyOf, render} from './helpers.js';

test('bold and code inside brackets that are not a link are rendered, as CommonMark does', () => {
	assert.deepEqual(bodyOf('[**bold** and `code`](not a url)\n\n[**b**](<a b)\n\n[__c__](x "unclosed)'), ['[bold and code](not a url)', '', '[b](<a b)', '', '[c](x "unclosed)']);
	const styled = render('[**bold**](not a url)', {colorLevel: 3});
	assert.ok(styled.lines.at(-1)!.includes('\u001B[1mbold'), 'bold is styled');
});

test('link text still binds tighter than emphasis, and real links keep their emphasis', () => {
	assert.deepEqual(bodyOf('*[foo*](bar) **[a**](b)\n\n[*a*](b "t") [**c**](d(e)) [`x`](<y z>)'), ['*foo* **a**', '', 'a c x']);
});

test('marked\'s own lexer is left as it is (the mask is per lexer)', () => {
	const paragraph = new Lexer({gfm: true}).lex('[**b**](x y z)')[0] as {tokens: Array<{type: string}>};
	assert.deepEqual(paragraph.tokens.map(token => token.type), ['text']);
});

test('a long unclosed destination finishes (the mask has no overlapping repeats)', () => {
	for (const body of [`[a](x${' '.repeat(100_000)}y`, `${'[a](b '.repeat(20_000)}`, `[**a**](${'('.repeat(50_000)}`, `[a](<${'\\'.repeat(50_000)}`]) {
		assert.equal(render(body).notice, undefined);
	}
});
