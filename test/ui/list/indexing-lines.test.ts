import assert from 'node:assert/strict';
import {test} from 'node:test';
import {indexingLines} from '../../../source/ui/list/body-lines.js';

const plain = (lines: ReturnType<typeof indexingLines>) => lines.map(line => line.map(segment => segment.text).join('').trimEnd());

test('indexing counts files by default, or what the source counts, with a line on what is happening now', () => {
	assert.deepEqual(plain(indexingLines('notes', {read: 3, total: 10}, 60)), [' Indexing notes…', ' 3 of 10 files read']);
	assert.deepEqual(plain(indexingLines('feeds', {read: 1, total: 2, unit: 'sources', detail: 'fetching example.com/feed.xml: 1.2 MB'}, 60)), [
		' Indexing feeds…',
		' 1 of 2 sources read',
		' fetching example.com/feed.xml: 1.2 MB',
	]);
});
