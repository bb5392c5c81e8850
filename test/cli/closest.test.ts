import assert from 'node:assert/strict';
import test from 'node:test';
import {closestMatch, editDistance} from '../../source/cli/closest.js';

test('editDistance counts insertions, deletions and substitutions', () => {
	assert.equal(editDistance('kitten', 'sitting'), 3);
	assert.equal(editDistance('', 'abc'), 3);
	assert.equal(editDistance('same', 'same'), 0);
});

test('closestMatch prefers a slug containing the words typed, then the fewest edits; nothing far', () => {
	assert.equal(closestMatch('micro', ['macro', 'microservices', 'micro-frontends-at-scale']), 'microservices');
	assert.equal(closestMatch('rust-asink', ['rust-async', 'rust-basics']), 'rust-async');
	assert.equal(closestMatch('Rust-Async', ['rust-async']), 'rust-async');
	assert.equal(closestMatch('zzzzzz', ['rust-async', 'microservices']), undefined);
	assert.equal(closestMatch('a', ['alpha', 'beta']), undefined);
	assert.equal(closestMatch('', ['alpha']), undefined);
});
