import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cutInput, InputBudget} from '../../source/serve/input-budget.js';

test('a burst is taken at once, then input is handled at the average rate and the rest dropped', () => {
	const budget = new InputBudget(1000, 4000);
	assert.equal(budget.take(3000, 0), 3000);
	assert.equal(budget.take(3000, 0), 1000);
	assert.equal(budget.take(3000, 0), 0);
	assert.equal(budget.take(3000, 500), 500);
	// Idle time refills up to the burst, never beyond.
	assert.equal(budget.take(10_000, 100_000), 4000);
});

test('a flood of 6 MB over 15 s gets about the average rate through', () => {
	const budget = new InputBudget(4096, 8192);
	let taken = 0;
	for (let time = 0; time < 15_000; time += 5) {
		taken += budget.take(2048, time);
	}

	assert.ok(taken <= 8192 + (4096 * 15), String(taken));
	assert.ok(taken >= 4096 * 14, String(taken));
});

test('cutting input never splits a key: no half surrogate pair, no escape sequence cut short', () => {
	assert.equal(cutInput('jjjj', 2), 'jj');
	assert.equal(cutInput('jj', 5), 'jj');
	assert.equal(cutInput('j😀k', 2), 'j');
	assert.equal(cutInput('jj\u001B[A', 4), 'jj');
	assert.equal(cutInput('jj\u001B[Ajj', 5), 'jj\u001B[A');
	assert.equal(cutInput('jj\u001B[1;5', 5), 'jj');
	assert.equal(cutInput('jj\u001Bxjj', 4), 'jj\u001Bx');
	assert.equal(cutInput('ab', 0), '');
});
