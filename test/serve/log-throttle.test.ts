import assert from 'node:assert/strict';
import {test} from 'node:test';
import {LogThrottle} from '../../source/serve/log-throttle.js';

test('a flood of alike lines: the first few per interval are written, the rest counted and reported once', () => {
	const throttle = new LogThrottle(10_000, 3);
	const written = Array.from({length: 2000}, (_, index) => throttle.admit('too many', index)).filter(verdict => verdict.write);
	assert.equal(written.length, 3);
	assert.deepEqual(throttle.admit('other kind', 5000), {write: true, held: 0});
	assert.deepEqual(throttle.due(9999), []);
	assert.deepEqual(throttle.due(10_000), [{kind: 'too many', held: 1997}]);
	// Reported once: the next interval starts afresh.
	assert.deepEqual(throttle.due(30_000), []);
	assert.deepEqual(throttle.admit('too many', 30_001), {write: true, held: 0});
});

test('a line after the interval is over brings the count held back with it', () => {
	const throttle = new LogThrottle(1000, 1);
	throttle.admit('k', 0);
	throttle.admit('k', 10);
	throttle.admit('k', 20);
	assert.deepEqual(throttle.admit('k', 1500), {write: true, held: 2});
	assert.deepEqual(throttle.due(5000), []);
});
