import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fitTop, layoutBody, type LayoutRow} from '../../../source/ui/list/list-layout.js';

const rows: LayoutRow[] = [
	{group: '2026', hasDetail: true},
	{group: '2026', hasDetail: true},
	{group: '2025', hasDetail: false},
	{group: '2025', hasDetail: true},
	{group: 'Undated', hasDetail: true},
];

function describe(lines: ReturnType<typeof layoutBody>): string[] {
	return lines.map(line => (line.type === 'group' ? `[${line.label}]` : `${line.type} ${line.index}`));
}

test('year labels above each group, the selected row followed by its description', () => {
	assert.deepEqual(describe(layoutBody(rows, 1, 0, 20)), ['[2026]', 'entry 0', 'entry 1', 'detail 1', '[2025]', 'entry 2', 'entry 3', '[Undated]', 'entry 4']);
});

test('the top row always has its group label (sticky), even mid-group', () => {
	assert.deepEqual(describe(layoutBody(rows, 3, 3, 5)), ['[2025]', 'entry 3', 'detail 3', '[Undated]', 'entry 4']);
});

test('fitTop scrolls just enough to show the selected row and its description', () => {
	// Rows 0..3 with labels take 8 lines when row 3 is selected; 6 lines must start lower.
	const top = fitTop(rows, 3, 0, 6);
	const lines = describe(layoutBody(rows, 3, top, 6));
	assert.ok(lines.includes('entry 3') && lines.includes('detail 3'), lines.join(', '));
	assert.equal(top, 1);
});

test('fitTop never leaves the screen half empty near the end', () => {
	assert.equal(fitTop(rows, 4, 4, 20), 0);
});

test('tiny heights drop labels and descriptions so the row itself shows', () => {
	assert.deepEqual(describe(layoutBody(rows, 1, fitTop(rows, 1, 0, 2), 2)), ['entry 0', 'entry 1']);
	assert.deepEqual(describe(layoutBody(rows, 0, 0, 1)), ['entry 0']);
});

test('no rows, no lines', () => {
	assert.equal(fitTop([], 0, 3, 10), 0);
	assert.deepEqual(layoutBody([], 0, 0, 10), []);
});
