import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Lexer, type Token, type Tokens} from 'marked';
import {extractHeadings, outlineBody, plainInline} from '../../source/content/outline.js';
import {createSlugger} from '../../source/content/slugger.js';

function summary(body: string): string[] {
	return extractHeadings(body).map(heading => `${heading.depth}${heading.inferred ? ' inferred' : ''} ${heading.text} #${heading.id} @${heading.line}`);
}

/** The headings marked finds, top-level and inside quotes and list items: what the renderer labels with `Post.headings`. */
function headingTokens(tokens: Token[]): string[] {
	return tokens.flatMap(token => {
		if (token.type === 'heading') {
			return [`${(token as Tokens.Heading).depth} ${plainInline(token.text as string)}`];
		}

		return headingTokens((token.type === 'list' ? (token as Tokens.List).items : token.type === 'list_item' || token.type === 'blockquote' ? (token as Tokens.Blockquote).tokens : []) as Token[]);
	});
}

function markedHeadings(body: string): string[] {
	return headingTokens(new Lexer().lex(body));
}

function ourHeadings(body: string): string[] {
	return extractHeadings(body).filter(heading => !heading.inferred).map(heading => `${heading.depth} ${heading.text}`);
}

describe('GitHub-style ids', () => {
	test('lowercase, punctuation dropped, spaces to dashes, repeats numbered', () => {
		const slug = createSlugger();
		assert.deepEqual(
			['Conclusion', 'Conclusion', 'Conclusion', 'What’s new in v2.0?', 'C++ & Rust: a comparison', 'Ünïcode Straße', '  Spaces  around ', 'conclusion-1', 'Emoji 🚀 launch', 'snake_case-and-dash'].map(slug),
			['conclusion', 'conclusion-1', 'conclusion-2', 'whats-new-in-v20', 'c--rust-a-comparison', 'ünïcode-straße', '--spaces--around-', 'conclusion-1-1', 'emoji--launch', 'snake_case-and-dash'],
		);
	});

	test('ids use the plain text of inline Markdown', () => {
		assert.deepEqual(summary('## The `useInput` hook\n\n## A [link](https://x.y) and **bold**\n\n## Escaped \\*stars\\* &amp; more ##'), [
			'2 The useInput hook #the-useinput-hook @0',
			'2 A link and bold #a-link-and-bold @2',
			'2 Escaped *stars* & more #escaped-stars--more @4',
		]);
	});
});

describe('headings the renderer will find', () => {
	test('ATX and setext, also in lists and quotes, not in code or HTML', () => {
		const body = [
			'# One', '', 'Two', '===', '', 'Three', 'continued', '---', '', '```md', '# not a heading', '```', '',
			'~~~', '## not either', '~~~', '', '    # indented code', '', '<div>', '# inside html', '</div>', '',
			'<!--', '# in a comment', '-->', '', '- item', '', '  ## in a list item', '', '> ## quoted', '',
			'#hashtag is not a heading', '', '####### seven is not', '', '## Four ##', '', '---', '', 'text', '', '   ### Five',
		].join('\n');
		assert.deepEqual(summary(body), [
			'1 One #one @0',
			'1 Two #two @2',
			'2 Three continued #three-continued @5',
			'2 in a list item #in-a-list-item @29',
			'2 quoted #quoted @31',
			'2 Four #four @37',
			'3 Five #five @43',
		]);
		assert.deepEqual(ourHeadings(body), markedHeadings(body));
	});

	test('agree with marked on generated documents', () => {
		const blocks = [
			'## Heading', '# Top', '### Deep *emphasis*', '    ## indented code', '   ## three spaces', 'Para\n===', 'Para\nline two\n---',
			'---', '***', '- list\n- items', '1. one\n2. two', '- item\n\n  ## nested heading', '> quote\n> ## quoted heading', '> lazy\ncontinued',
			'```\n# code\n```', '~~~~\n## code\n~~~~', '```\nunclosed fence\n# code', '<div>\n# html\n</div>', '<!-- c\n## comment\n-->',
			'Paragraph text with words.', 'Setext after list:\n- a\n---', '| a | b |\n|---|---|\n| 1 | 2 |', '#no-space', '## Trailing ##', '##',
			'text\n## interrupts', '* * *', 'a\n\n    code\n# after code', '<pre>\n# pre\n</pre>', '- a\n# breaks list', '2. starts at two\n## h',
			'* ### bulleted', '1. ## numbered', '- item\n  > ### quoted in a list', '> - #### listed in a quote', '> > ##### two deep',
			'- code:\n\n  ```\n  ## in a fence in a list\n  ```', '> ```\n> # in a fence in a quote\n> ```', '> ```\nleaves the quote\n## after',
			'> para\nlazy line\n> ## after lazy', '*     ## indented in a list', '> <!--\n> ## quoted comment\n> -->',
		];
		let seed = 7;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		for (let run = 0; run < 1000; run++) {
			const parts: string[] = [];
			const count = 2 + Math.floor(random() * 8);
			for (let index = 0; index < count; index++) {
				parts.push(blocks[Math.floor(random() * blocks.length)]!);
			}

			const body = parts.join(random() < 0.8 ? '\n\n' : '\n');
			assert.deepEqual(ourHeadings(body), markedHeadings(body), JSON.stringify(body));
		}
	});
});

describe('inferred headings', () => {
	const outline = (body: string) => {
		const found = outlineBody(body);
		return {body: found.body, headings: found.headings.map(heading => `${heading.depth} ${heading.text} #${heading.id} @${heading.line} ${heading.source}`)};
	};

	test('bold paragraphs, only when a post has no headings; a bold sentence is emphasis', () => {
		const body = 'Intro.\n\n**Data Management:**\n\nText.\n\n__Setup__\n\nMore.\n\n**bold** then text\n\n**Ops**:\n\n**And this is all there is to it.**\n\n**So how does it know?**\n\nEnd.';
		assert.deepEqual(summary(body), [
			'2 inferred Data Management #data-management @2',
			'2 inferred Setup #setup @6',
			'2 inferred Ops #ops @12',
		]);
		const lines = body.split('\n');
		assert.deepEqual(extractHeadings(body).map(heading => [heading.source, lines[heading.line]]), [['**Data Management:**', '**Data Management:**'], ['__Setup__', '__Setup__'], ['**Ops**:', '**Ops**:']]);
	});

	test('a bold first line ending in a hard break is split from its paragraph and becomes the heading', () => {
		assert.deepEqual(outline('Intro.\n\n**Designing Microservices:**  \nStart from the data.\n\n**Running them:**\\\nWatch the queues.\n'), {
			body: 'Intro.\n\n**Designing Microservices:**\n\nStart from the data.\n\n**Running them:**\n\nWatch the queues.\n',
			headings: ['2 Designing Microservices #designing-microservices @2 **Designing Microservices:**', '2 Running them #running-them @6 **Running them:**'],
		});
		assert.deepEqual(outline('**Not a heading:** the bold text runs on\nin the same line.\n').headings, []);
		assert.deepEqual(outline('A long post.\n\n**You "captured" the props at render time:**\n\n![Pokemon](./pokemon.gif)\n\nMore.\n').headings, [], 'one bold line alone is emphasis');
	});

	test('a Label: line is a heading only in plain text, and only when two or more short lines follow as its items', () => {
		assert.deepEqual(outline('We moved to one build.\n\nKey takeaways:\nCache the lockfile\nSplit the test job\n\nIn the end:\n\nIt was worth it\nWe would do it again\n'), {
			body: 'We moved to one build.\n\nKey takeaways:\n\n- Cache the lockfile\n- Split the test job\n\nIn the end:\n\n- It was worth it\n- We would do it again\n',
			headings: ['2 Key takeaways #key-takeaways @2 Key takeaways:', '2 In the end #in-the-end @7 In the end:'],
		});
		assert.deepEqual(outline('Step one:\n\nDo it.\n\nStep two:\n\nDone.').headings, [], 'one line is not a list of items');
		assert.deepEqual(outline('To install just run:\n\n```sh\nnpm i x\n```\n\nSome other highlights:\n\n- fast\n- small\n').headings, [], 'Markdown prose');
		assert.deepEqual(outline('React also supports defining it as a class:\nclass Greeting\nextends Component\n\nSee `render`.\n').headings, [], 'inline Markdown makes it Markdown prose');
		assert.deepEqual(outline('This sentence ends with a colon but is far too long to be read as a label by anyone:\none\ntwo\n').headings, []);
	});

	test('no inference when real headings exist, or inside code and lists', () => {
		assert.deepEqual(summary('## Real\n\n**Bold**\n\nLabel:'), ['2 Real #real @0']);
		assert.deepEqual(summary('```\n**Bold**\n```\n\n- **Item**\n\n> Quote:'), []);
		assert.deepEqual(summary('**Bold** and more text\n\nhttps:'), []);
	});
});
