import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Lexer, type Tokens} from 'marked';
import {extractHeadings, plainInline} from '../../source/content/outline.js';
import {createSlugger} from '../../source/content/slugger.js';

function summary(body: string): string[] {
	return extractHeadings(body).map(heading => `${heading.depth}${heading.inferred ? ' inferred' : ''} ${heading.text} #${heading.id} @${heading.line}`);
}

/** The top-level headings marked finds: what the renderer labels with `Post.headings`. */
function markedHeadings(body: string): string[] {
	return new Lexer().lex(body).filter((token): token is Tokens.Heading => token.type === 'heading').map(token => `${token.depth} ${plainInline(token.text)}`);
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
	test('ATX and setext, not in code, HTML, lists or quotes', () => {
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
	test('bold paragraphs and short Label: lines, only when a post has no headings', () => {
		const body = 'Intro.\n\n**Data Management:**\n\nText.\n\n__Setup__\n\nMore.\n\nKey takeaways:\n- one\n\nThis sentence ends with a colon but is far too long to be read as a label by anyone:\n\n**bold** then text\n\n**Ops**:\n\nEnd.';
		assert.deepEqual(summary(body), [
			'2 inferred Data Management #data-management @2',
			'2 inferred Setup #setup @6',
			'3 inferred Key takeaways #key-takeaways @10',
			'2 inferred Ops #ops @17',
		]);
		const lines = body.split('\n');
		assert.deepEqual(extractHeadings(body).map(heading => heading.source), ['**Data Management:**', '__Setup__', 'Key takeaways:', '**Ops**:']);
		assert.deepEqual(extractHeadings(body).map(heading => lines[heading.line]), ['**Data Management:**', '__Setup__', 'Key takeaways:', '**Ops**:']);
	});

	test('labels alone are depth 2', () => {
		assert.deepEqual(summary('Step one:\n\nDo it.\n\nStep two:\n\nDone.'), ['2 inferred Step one #step-one @0', '2 inferred Step two #step-two @4']);
	});

	test('no inference when real headings exist, or inside code and lists', () => {
		assert.deepEqual(summary('## Real\n\n**Bold**\n\nLabel:'), ['2 Real #real @0']);
		assert.deepEqual(summary('```\n**Bold**\n```\n\n- **Item**\n\n> Quote:'), []);
		assert.deepEqual(summary('**Bold** and more text\n\nhttps:'), []);
	});
});
