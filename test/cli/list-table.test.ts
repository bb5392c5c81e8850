import assert from 'node:assert/strict';
import test from 'node:test';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import type {Post} from '../../source/content/post.js';
import {listTable, problemLines} from '../../source/cli/list-table.js';

function post(fields: Partial<Post>): Post {
	return {
		slug: 'x', title: 'x', date: undefined, updated: undefined, tags: [], description: '', readingMinutes: 1, draft: false,
		author: undefined, cover: undefined, path: 'x.md', id: '/x.md', absolutePath: '/x.md', body: '', headings: [], warnings: [], sources: {},
		...fields,
	};
}

const posts = [
	post({title: '東京で読むブログの話とターミナルの幅', date: {iso: '2024-05-01', time: 0}, tags: ['日本語', 'terminal'], readingMinutes: 12}),
	post({title: 'A plain title', date: {iso: '2023-01-02T08:00:00Z', time: 0}, tags: ['rust']}),
	post({title: 'Bell\u0007 and \u001B[31mred\u001B[0m\nsecond line', tags: ['tag\u009B']}),
];

test('every row fits the width in columns (CJK counts two), at every width from 20 to 200', () => {
	for (let width = 20; width <= 200; width++) {
		for (const row of listTable(posts, {width, colorLevel: 0})) {
			assert.ok(stringWidth(row) <= width, `${width}: ${row}`);
		}
	}
});

test('columns line up: dates, then titles, then tags, reading time at the right edge', () => {
	assert.deepEqual(listTable(posts, {width: 80, colorLevel: 0}), [
		'2024-05-01  東京で読むブログの話とターミナルの幅  日本語, terminal  12 min',
		'2023-01-02  A plain title                         rust               1 min',
		'undated     Bell and [31mred[0m second line       tag                1 min',
	]);
});

test('colour only when asked, and the same text underneath', () => {
	const coloured = listTable(posts, {width: 80, colorLevel: 1});
	assert.match(coloured[0]!, /\u001B\[/);
	assert.deepEqual(coloured.map(row => stripAnsi(row)), listTable(posts, {width: 80, colorLevel: 0}));
});

test('problem lines name the file and say whether the post is still listed', () => {
	assert.deepEqual(problemLines([
		{path: 'a.md', absolutePath: '/a.md', problem: 'empty file'},
		{path: 'b\u001B.md', absolutePath: '/b.md', problem: 'frontmatter: bad (line 2, column 1)', slug: 'b'},
	]), [
		'blog-tui: a.md: empty file (not listed)',
		'blog-tui: b.md: frontmatter: bad (line 2, column 1)',
	]);
});

test('from 120 columns a slug column comes before the reading time; below, none', () => {
	const slugged = posts.map((entry, index) => ({...entry, slug: ['tokyo-blog', 'a-plain-title', 'bell'][index]!}));
	assert.deepEqual(listTable(slugged, {width: 120, colorLevel: 0}), [
		'2024-05-01  東京で読むブログの話とターミナルの幅  日本語, terminal  tokyo-blog     12 min',
		'2023-01-02  A plain title                         rust              a-plain-title   1 min',
		'undated     Bell and [31mred[0m second line       tag               bell            1 min',
	]);
	assert.ok(listTable(slugged, {width: 119, colorLevel: 0}).every(row => !row.includes('a-plain-title') && !row.includes('tokyo-blog')));
});
