import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {footerSegments} from '../../../source/ui/list/footer-segments.js';
import {inputSegments, tailOf} from '../../../source/ui/list/input-line.js';
import {plain} from '../../../source/ui/segments.js';

test('a short filter shows the query, the cursor, the count and the hints', () => {
	assert.equal(plain(footerSegments('filter', 'pager', 1, 80)).trimEnd(), ' / pager   1 match · enter keeps · esc clears');
});

test('a long filter scrolls: its end, the cursor and the match count stay in view, the hints go', () => {
	const query = 'a very long query that somebody pasted into the filter line of the list';
	const segments = footerSegments('filter', query, 12, 40);
	assert.equal(plain(segments), ' / …filter line of the list   12 matches');
	assert.equal(stringWidth(plain(segments)), 40);
	assert.deepEqual(segments.filter(segment => segment.inverse).map(segment => segment.text), [' '], 'the cursor is drawn');
});

test('a long search term keeps the hit count; wide characters scroll by display width', () => {
	assert.equal(plain(inputSegments('Search text:', '全角の検索語がとても長い', 40, '3 lines in 1 post', 'enter opens')), ' Search text: …長い   3 lines in 1 post ', 'a wide character that would straddle the edge is left out');
	assert.equal(tailOf('全角の検索語', 6), '…索語');
	assert.equal(stringWidth(tailOf('全角の検索語', 6)), 5);
	assert.equal(tailOf('abc', 3), 'abc');
});
