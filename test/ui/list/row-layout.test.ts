import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {listLines} from '../../../source/ui/list/body-lines.js';
import {listEntries} from '../../../source/ui/list/list-entries.js';
import {titleAndTags} from '../../../source/ui/list/row-segments.js';
import {plain} from '../../../source/ui/segments.js';
import {makeLibrary, makePost} from './make-library.js';

const letters = 'abcdefghijklmnopqrstuvwxyz'.split('');
const library = makeLibrary([
	{title: 'A field guide to the terminal: escape codes, raw mode, colour, links and character width', date: '2026-03-01', tags: ['terminal', 'unicode', 'essay', 'escape-codes', 'raw-mode'], readingMinutes: 12},
	{title: '端末で読むブログ 🚀 絵文字と全角', date: '2026-02-01', tags: ['日本語', 'unicode']},
	{title: 'Notes without a date', tags: []},
	{title: 'Short', date: '2025-01-01', tags: [...letters, 'aa', 'bb', 'cc', 'dd', 'ee', 'ff', 'gg', 'hh', 'ii']},
	{title: 'Draft about unicode', date: '2025-02-01', tags: ['unicode'], draft: true},
]);

function rows(width: number, tags: string[] = []): string[] {
	const entries = listEntries(library, {sort: 'newest', query: '', tags, showDrafts: true});
	const lines = listLines({entries, selected: -1, top: 0, tags}, width, 20).map(line => plain(line));
	for (const line of lines) {
		assert.equal(stringWidth(line), width, `every row is exactly ${width} columns: ${line}`);
	}

	return lines.map(line => line.trimEnd());
}

test('at 80 columns: the title first, whole tags beside it, +N for the rest; CJK and emoji by display width', () => {
	assert.deepEqual(rows(80), [
		' 2026',
		'   2026-03-01  A field guide to the terminal: escape codes, raw mo…  +5  12 min',
		'   2026-02-01  端末で読むブログ 🚀 絵文字と全角          日本語 unicode   3 min',
		' 2025',
		'   2025-02-01  Draft about unicode                        draft unicode   3 min',
		'   2025-01-01  Short  a b c d e f g h i j k l m n o p q r s t u v w +12   3 min',
		' Undated',
		'   undated     Notes without a date                                       3 min',
	]);
});

test('at 100 columns a short title leaves its room to the tags', () => {
	assert.deepEqual(rows(100).slice(4, 6), [
		'   2025-02-01  Draft about unicode                                            draft unicode   3 min',
		'   2025-01-01  Short  a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee +4   3 min',
	]);
});

test('the tag filtered by comes first, so it is the one still shown', () => {
	assert.deepEqual(rows(100, ['unicode']).slice(2, 3), ['   2026-02-01  端末で読むブログ 🚀 絵文字と全角                              unicode 日本語   3 min']);
	const post = makePost({title: 'Reading over SSH', tags: ['guide', 'cli', 'ssh']});
	assert.equal(plain(titleAndTags(post, 30, ['ssh'])), 'Reading over SSH  ssh guide +1');
	assert.equal(plain(titleAndTags(post, 30, [])), 'Reading over SSH  guide cli +1');
});

test('at 30 columns the date and reading time go; a title is cut for +N only down to a dozen columns', () => {
	assert.deepEqual(rows(30), [
		' 2026',
		'   A field guide to the …  +5',
		'   端末で読むブログ 🚀 …   +2',
		' 2025',
		'   Draft about unicode     +2',
		'   Short  a b c d e f g h +27',
		' Undated',
		'   Notes without a date',
	]);
	const post = makePost({title: 'A long title that will not fit', tags: ['one']});
	assert.equal(plain(titleAndTags(post, 16, [])), 'A long titl…  +1');
	assert.equal(plain(titleAndTags(post, 14, [])), 'A long title …', 'no room for +N beside twelve columns of title');
});
