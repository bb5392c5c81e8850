import assert from 'node:assert/strict';
import net from 'node:net';
import test from 'node:test';
import {clientNetwork} from '../../source/serve/client-network.js';
import {ConnectionGuard, connectionCaps} from '../../source/serve/connection-guard.js';

test('IPv6 addresses count per /64, as Node\'s BlockList draws the subnet; IPv4 and IPv4-mapped per address', () => {
	const samples = [
		'2001:db8:1:2:3:4:5:6',
		'2001:db8:1:2::',
		'2001:0db8:0000:0002:ffff:ffff:ffff:ffff',
		'fe80::1%eth0',
		'::1',
		'::',
		'2a00:1450:4001:82b::200e',
		'64:ff9b::192.0.2.33',
	];
	for (const address of samples) {
		const network = clientNetwork(address);
		assert.match(network, /::\/64$/u, address);
		const subnet = new net.BlockList();
		subnet.addSubnet(network.replace('/64', ''), 64, 'ipv6');
		assert.ok(subnet.check(address.replace(/%.*$/u, ''), 'ipv6'), `${address} in ${network}`);
		const outside = new net.BlockList();
		outside.addSubnet(network.replace('/64', ''), 64, 'ipv6');
		const neighbour = `${network.split(':').slice(0, 3).join(':') || '0'}:${((Number.parseInt(network.split(':')[3] ?? '0', 16) + 1) & 0xFF_FF).toString(16)}::1`;
		assert.equal(outside.check(neighbour, 'ipv6'), false, `${neighbour} outside ${network}`);
		assert.notEqual(clientNetwork(neighbour), network);
	}

	assert.equal(clientNetwork('2001:db8:1:2:aaaa::1'), clientNetwork('2001:db8:1:2:bbbb::9'));
	assert.equal(clientNetwork('192.0.2.7'), '192.0.2.7');
	assert.equal(clientNetwork('::ffff:192.0.2.7'), '192.0.2.7');
	assert.equal(clientNetwork('::ffff:c000:207'), '192.0.2.7');
	assert.equal(clientNetwork('not an address'), 'not an address');
});

test('silent connections from many addresses of one /64 share one address\'s pre-auth places', () => {
	const caps = connectionCaps(50, 3);
	const guard = new ConnectionGuard(caps);
	let admitted = 0;
	for (let host = 1; host <= 200; host++) {
		if (guard.admit(clientNetwork(`2001:db8:bad:1::${host.toString(16)}`)).admitted) {
			admitted++;
		}
	}

	assert.equal(admitted, caps.maxPreAuthPerIp);
	assert.ok(guard.admit(clientNetwork('2001:db8:900d:1::1')).admitted, 'another /64 still gets in');
	assert.ok(guard.admit(clientNetwork('192.0.2.1')).admitted, 'an IPv4 reader still gets in');
});
