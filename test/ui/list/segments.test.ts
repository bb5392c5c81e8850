import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {filterPosts} from '../../../source/ui/list/fuzzy-filter.js';
import type {PostEntry} from '../../../source/ui/list/list-entries.js';
import {postRowSegments, rowColumns} from '../../../source/ui/list/row-segments.js';
import {fitSegments, highlight, plain} from '../../../source/ui/segments.js';
import {makePost} from './make-library.js';

test('highlight splits text into runs, styling the matched characters', () => {
	assert.deepEqual(highlight('pager', [0, 1, 4]), [
		{text: 'pa', bold: true, underline: true},
		{text: 'ge'},
		{text: 'r', bold: true, underline: true},
	]);
});

test('fitSegments cuts by display width with an ellipsis and pads to the exact width', () => {
	const cut = fitSegments([{text: '日本語のタイトル', bold: true}, {text: ' tail'}], 9);
	assert.equal(plain(cut), '日本語の…');
	assert.equal(stringWidth(plain(cut)), 9);
	assert.equal(cut[0]!.bold, true);
	assert.equal(plain(fitSegments([{text: 'ab'}], 5)), 'ab   ');
	assert.deepEqual(fitSegments([{text: 'abc'}], 0), []);
});

test('control characters and bidi overrides from a post never reach the terminal', () => {
	const line = plain(fitSegments([{text: 'evil\u001B[2Jtitle\u202E\tend'}], 40));
	assert.equal(line.includes('\u001B'), false);
	assert.equal(line.includes('\u202E'), false);
	assert.equal(stringWidth(line), 40);
	assert.match(line, /^evil�\[2Jtitle� end/);
});

test('a matched row underlines the matched title characters and tag', () => {
	const post = makePost({title: 'Building a tiny pager', date: '2025-05-13', tags: ['ink', 'pager']});
	const hit = filterPosts([post], 'pager').get(post);
	const entry: PostEntry = {kind: 'post', key: post.id, post, group: '2025', hit, problem: undefined};
	const segments = postRowSegments(entry, rowColumns(100), 100, false);
	assert.equal(stringWidth(plain(segments)), 100);
	assert.deepEqual(segments.filter(segment => segment.underline).map(segment => segment.text), ['pager', 'pager']);
});
