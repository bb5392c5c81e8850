import assert from 'node:assert/strict';
import {test} from 'node:test';
import {lineAt, placeOf, topOfPost} from '../../../source/ui/reader/reading-place.js';
import {makePost, rendered} from './fixture.js';

const paragraphs = (topic: string, count: number) => Array.from({length: count}, (_, index) => `Paragraph ${index + 1} of ${topic}, long enough to wrap over two lines at sixty columns.`).join('\n\n');
const post = makePost('intro', 'An introduction', `${paragraphs('the introduction', 4)}\n\n## Heading\n\n${paragraphs('the section', 4)}`);

test('every line maps to a place and back to itself: the header block, the introduction, the sections', () => {
	const article = rendered(post, 60);
	const bodyStart = article.blocks[1]!.line;
	assert.ok(bodyStart > 1, 'the header block comes first');
	for (let top = 0; top < article.lines.length - 1; top++) {
		assert.equal(lineAt(article, placeOf(article, top)), top, `line ${top}`);
	}

	assert.equal(lineAt(article, topOfPost), 0);
	// A place from elsewhere (a search hit, a remembered line) on body line 0 is the body's first block.
	assert.equal(lineAt(article, {source: 0}), bodyStart);
});

test('a place in the introduction survives a re-render at another width in the same paragraph', () => {
	const wide = rendered(post, 60);
	const narrow = rendered(post, 30);
	const secondLine = wide.blocks[1]!.line + 1;
	const place = placeOf(wide, secondLine);
	const line = lineAt(narrow, place);
	assert.ok(line >= narrow.blocks[1]!.line && line < narrow.blocks[2]!.line, `line ${line} is inside the first paragraph`);
});
