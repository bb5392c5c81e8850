import assert from 'node:assert/strict';
import {test} from 'node:test';
import {clampTerminalSize} from '../../source/terminal/terminal-size.js';

test('sizes beyond 1000×500 are cut down to it; 0, negative and garbage fall back to 80×24', () => {
	assert.deepEqual(clampTerminalSize(4_294_967_295, 1), {columns: 1000, rows: 1});
	assert.deepEqual(clampTerminalSize(100_000, 100_000), {columns: 1000, rows: 500});
	assert.deepEqual(clampTerminalSize(16_777_216, 24), {columns: 1000, rows: 24});
	assert.deepEqual(clampTerminalSize(0, 0), {columns: 80, rows: 24});
	assert.deepEqual(clampTerminalSize(Number.NaN, -3), {columns: 80, rows: 24});
	assert.deepEqual(clampTerminalSize(undefined, '30'), {columns: 80, rows: 24});
	assert.deepEqual(clampTerminalSize(Number.POSITIVE_INFINITY, 30.7), {columns: 80, rows: 30});
	assert.deepEqual(clampTerminalSize(100, 30), {columns: 100, rows: 30});
});
