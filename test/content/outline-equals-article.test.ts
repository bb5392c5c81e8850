import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {Lexer, type Token} from 'marked';
import {loadLibrary} from '../../source/content/load-library.js';
import type {Library} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';

const corpus = fileURLToPath(new URL('../fixtures/posts', import.meta.url));
let library: Library;

before(async () => {
	library = await loadLibrary(corpus);
});

function topLevelHeadings(body: string): string[] {
	return (new Lexer({gfm: true}).lex(body) as Token[]).filter(token => token.type === 'heading').map(token => token.raw.trim().split('\n')[0]!);
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
			assert.deepEqual(post.headings.filter(heading => !heading.inferred).map(heading => post.body.split('\n')[heading.line]!.trim()), topLevelHeadings(post.body), post.path);
		}
	});
});
