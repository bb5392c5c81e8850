import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type ConnectionCaps, connectionCaps, ConnectionGuard, type ConnectionTicket} from '../../source/serve/connection-guard.js';

const caps: ConnectionCaps = {maxConnections: 20, maxConnectionsPerIp: 8, maxPreAuth: 10, maxPreAuthPerIp: 3, reservedPreAuth: 2};

function admitted(guard: ConnectionGuard, ip: string): ConnectionTicket {
	const verdict = guard.admit(ip);
	assert.ok(verdict.admitted, `${ip} refused: ${verdict.admitted ? '' : verdict.reason}`);
	return verdict.ticket;
}

function reason(guard: ConnectionGuard, ip: string): string {
	const verdict = guard.admit(ip);
	assert.ok(!verdict.admitted, `${ip} admitted`);
	return verdict.reason;
}

test('one address holds at most its share of unauthenticated connections; others still get in', () => {
	const guard = new ConnectionGuard(caps);
	const held = [admitted(guard, '10.0.0.1'), admitted(guard, '10.0.0.1'), admitted(guard, '10.0.0.1')];
	assert.equal(reason(guard, '10.0.0.1'), 'too many unauthenticated connections from this address');
	admitted(guard, '10.0.0.2');
	// One of them authenticates: its place before authentication is free again.
	held[0]!.authenticated();
	admitted(guard, '10.0.0.1');
	assert.equal(guard.unauthenticated, 4);
	assert.equal(guard.connections, 5);
});

test('the last pre-auth places are kept for addresses that have none open', () => {
	const guard = new ConnectionGuard(caps);
	for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4']) {
		admitted(guard, ip);
		admitted(guard, ip);
	}

	// 8 of 10 in use, 2 reserved: an address already waiting is refused, a new one is not.
	assert.equal(reason(guard, '10.0.0.1'), 'too many unauthenticated connections');
	admitted(guard, '10.0.0.5');
	admitted(guard, '10.0.0.6');
	assert.equal(reason(guard, '10.0.0.7'), 'too many unauthenticated connections');
});

test('caps on all connections, in all and per address; a close frees the place once, however often it is told', () => {
	const guard = new ConnectionGuard({...caps, maxPreAuth: 100, maxPreAuthPerIp: 100, maxConnectionsPerIp: 3});
	const tickets = [admitted(guard, 'a'), admitted(guard, 'a'), admitted(guard, 'a')];
	for (const ticket of tickets) {
		ticket.authenticated();
	}

	assert.equal(reason(guard, 'a'), 'too many connections from this address');
	tickets[0]!.closed();
	tickets[0]!.closed();
	tickets[0]!.authenticated();
	admitted(guard, 'a');
	assert.equal(reason(guard, 'a'), 'too many connections from this address');
	assert.equal(guard.connections, 3);
	assert.equal(guard.unauthenticated, 1);

	const full = new ConnectionGuard({...caps, maxConnections: 2, maxPreAuth: 100, maxPreAuthPerIp: 100});
	admitted(full, 'a');
	admitted(full, 'b');
	assert.equal(reason(full, 'c'), 'too many connections');
});

test('the default caps follow the session caps and always leave other addresses room', () => {
	const defaults = connectionCaps(100, 5);
	assert.deepEqual(defaults, {maxConnections: 210, maxConnectionsPerIp: 15, maxPreAuth: 110, maxPreAuthPerIp: 10, reservedPreAuth: 27});
	assert.ok(connectionCaps(1, 1).reservedPreAuth >= 2);
});
