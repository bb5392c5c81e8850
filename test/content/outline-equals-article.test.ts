import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {Lexer, type Token, type Tokens} from 'marked';
import {loadLibrary} from '../../source/content/load-library.js';
import {extractHeadings} from '../../source/content/outline.js';
import type {Library} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {createLexer} from '../../source/render/lexer.js';
import {jsxChildren} from '../../source/content/jsx-children.js';
import '../render/grammars.js';

const corpus = fileURLToPath(new URL('../fixtures/posts', import.meta.url));
let library: Library;

before(async () => {
	library = await loadLibrary(corpus);
});

/**
 * Every heading token marked finds (with our lexer's MDX component blocks), top-level or inside
 * quotes and list items, in document order, and in the Markdown children of a top-level component
 * block; not inside HTML.
 */
function headingTokens(tokens: Token[], top = true): string[] {
	return tokens.flatMap(token => {
		if (token.type === 'heading') {
			return [token.raw.trim().split('\n')[0]!];
		}

		const children = top && token.type === 'html' ? jsxChildren(token.text as string) : undefined;
		if (children !== undefined) {
			return headingTokens(new Lexer({gfm: true}).lex(children) as Token[], false);
		}

		const nested = token.type === 'list' ? (token as Tokens.List).items : token.type === 'list_item' || token.type === 'blockquote' ? (token as Tokens.Blockquote).tokens : [];
		return headingTokens(nested as Token[], false);
	});
}

describe('the outline a list shows is the one the article draws', () => {
	test('for every post in the fixture corpus: same headings, in order, each drawn where the outline says', () => {
		for (const post of library.posts) {
			const rendered = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 0, hyperlinks: false});
			const listed = post.headings.map(({depth, text, id, inferred}) => ({depth, text, id, inferred}));
			const drawn = rendered.headings.map(({depth, text, id, inferred}) => ({depth, text, id, inferred}));
			assert.deepEqual(drawn, listed, post.path);
			for (const heading of rendered.headings) {
				const words = heading.text.split(' ').slice(0, 2).join(' ');
				assert.ok(rendered.plain[heading.line]!.includes(words), `${post.path}: "${heading.text}" is drawn at its line`);
			}

			// marked's lexer is the reference for which lines are headings.
			const real = post.headings.filter(heading => !heading.inferred);
			const reference = headingTokens(createLexer().lex(post.body) as Token[]);
			assert.equal(real.length, reference.length, `${post.path}: as many headings as marked finds`);
			for (const [index, heading] of real.entries()) {
				assert.ok(post.body.split('\n')[heading.line]!.trim().endsWith(reference[index]!), `${post.path}: "${heading.text}" is on the line marked reads it from`);
			}
		}
	});

	test('headings inside quotes and list items are listed; a heading-looking line in code or a comment is not', () => {
		const post = library.posts.find(candidate => candidate.path.endsWith('nested-headings.md'))!;
		assert.deepEqual(post.headings.map(({depth, text, id}) => ({depth, text, id})), [
			{depth: 2, text: 'Quoted heading', id: 'quoted-heading'},
			{depth: 3, text: 'Bulleted heading', id: 'bulleted-heading'},
			{depth: 2, text: 'Numbered heading', id: 'numbered-heading'},
			{depth: 4, text: 'Heading in a quote in a list', id: 'heading-in-a-quote-in-a-list'},
			{depth: 5, text: 'Heading in a list in a quote', id: 'heading-in-a-list-in-a-quote'},
			{depth: 6, text: 'Two quotes deep', id: 'two-quotes-deep'},
			{depth: 2, text: 'Top-level after all that', id: 'top-level-after-all-that'},
		]);
		assert.equal(post.title, 'Notes from a migration, quoted and listed');
	});

	test('a setext heading inside a quote or list item is listed where it is drawn, and later ids and lines stay right', () => {
		const body = '> Underlined\n> ---\n\n* ## In a list\n\n- Two lines\n  underlined\n  ===\n\n## After';
		const post = {...library.posts[0]!, body, headings: extractHeadings(body)};
		assert.deepEqual(post.headings.map(({depth, text, line}) => [depth, text, line]), [[2, 'Underlined', 0], [2, 'In a list', 3], [1, 'Two lines underlined', 5], [2, 'After', 9]]);
		const rendered = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 0, hyperlinks: false});
		assert.deepEqual(rendered.headings.map(({text, id}) => ({text, id})), [{text: 'Underlined', id: 'underlined'}, {text: 'In a list', id: 'in-a-list'}, {text: 'Two lines underlined', id: 'two-lines-underlined'}, {text: 'After', id: 'after'}]);
		assert.deepEqual(rendered.headings.map(heading => rendered.plain[heading.line]), ['│ Underlined', '• In a list', '• Two lines underlined', 'After']);
	});

	test('headings inside a top-level MDX component block are listed where they are drawn', () => {
		const post = library.posts.find(candidate => candidate.path.endsWith('callout-headings/index.mdx'))!;
		assert.deepEqual(post.headings.map(({depth, text, id}) => [depth, text, id]), [[2, 'Inside a callout', 'inside-a-callout'], [3, 'Step one', 'step-one'], [2, 'After the components', 'after-the-components']]);
		const rendered = renderArticle(post, {width: 80, theme: 'dark', colorLevel: 0, hyperlinks: false});
		assert.deepEqual(rendered.headings.map(heading => rendered.plain[heading.line]), ['Inside a callout', '### Step one', 'After the components']);
	});

	test('a heading whose brackets are not a link reads in the outline as the article draws it', () => {
		const post = library.posts.find(candidate => candidate.path.endsWith('setext-nested.md'))!;
		assert.deepEqual(post.headings.map(({depth, text, id}) => [depth, text, id]), [
			[2, 'Quoted and underlined', 'quoted-and-underlined'],
			[1, 'Listed and underlined', 'listed-and-underlined'],
			[2, '[Bold](not a url) in brackets', 'boldnot-a-url-in-brackets'],
			[2, 'A real link heading', 'a-real-link-heading'],
		]);
	});
});
