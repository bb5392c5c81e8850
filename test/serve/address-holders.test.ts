import assert from 'node:assert/strict';
import {test} from 'node:test';
import {AddressHolders} from '../../source/serve/address-holders.js';

test('an address keeps its worker while any of its connections is open, then is free to go anywhere', () => {
	const holders = new AddressHolders<string>();
	assert.equal(holders.holder('10.0.0.1'), undefined);
	holders.hold('10.0.0.1', 'worker 1');
	holders.hold('10.0.0.1', 'worker 1');
	holders.hold('10.0.0.2', 'worker 2');
	assert.equal(holders.holder('10.0.0.1'), 'worker 1');
	holders.release('10.0.0.1', 'worker 1');
	assert.equal(holders.holder('10.0.0.1'), 'worker 1', 'one connection is still open');
	holders.release('10.0.0.1', 'worker 1');
	assert.equal(holders.holder('10.0.0.1'), undefined);
	assert.equal(holders.holder('10.0.0.2'), 'worker 2', 'other addresses keep theirs');
});

test('a close reported by a worker that no longer holds the address changes nothing; an exited worker lets go of all', () => {
	const holders = new AddressHolders<string>();
	holders.hold('10.0.0.1', 'worker 1');
	// The holder was not ready, so the next connection went elsewhere.
	holders.hold('10.0.0.1', 'worker 2');
	holders.release('10.0.0.1', 'worker 1');
	assert.equal(holders.holder('10.0.0.1'), 'worker 2');
	holders.hold('10.0.0.3', 'worker 2');
	holders.hold('10.0.0.4', 'worker 1');
	holders.forget('worker 2');
	assert.deepEqual(['10.0.0.1', '10.0.0.3', '10.0.0.4'].map(ip => holders.holder(ip)), [undefined, undefined, 'worker 1']);
});
