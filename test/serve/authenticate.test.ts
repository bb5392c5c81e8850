import assert from 'node:assert/strict';
import {test} from 'node:test';
import ssh2, {type ParsedKey} from 'ssh2';
import {decideAuthentication} from '../../source/serve/authenticate.js';
import {parseAuthorizedKeys} from '../../source/serve/authorized-keys.js';
import {generateHostKey} from '../../source/serve/host-key.js';

function keyPair(): ParsedKey {
	return ssh2.utils.parseKey(generateHostKey()) as ParsedKey;
}

const listed = keyPair();
const other = keyPair();
const keys = parseAuthorizedKeys(`${listed.type} ${listed.getPublicSSH().toString('base64')} reader@example\n`).keys;
const session = Buffer.from('session data the client signs');
const offer = (key: ParsedKey) => ({algo: key.type, data: key.getPublicSSH()});

test('without an authorized-keys list anyone gets in, with any method', () => {
	assert.equal(decideAuthentication({method: 'none'}, undefined), 'accept');
	assert.equal(decideAuthentication({method: 'password'}, undefined), 'accept');
});

test('with a list: only a signature by a listed key over the session data authenticates', () => {
	assert.equal(decideAuthentication({method: 'publickey', key: offer(listed), blob: session, signature: listed.sign(session) as Buffer}, keys), 'accept');
	// Signed by another key, or over other data: no.
	assert.equal(decideAuthentication({method: 'publickey', key: offer(listed), blob: session, signature: other.sign(session) as Buffer}, keys), 'reject');
	assert.equal(decideAuthentication({method: 'publickey', key: offer(listed), blob: Buffer.from('other'), signature: listed.sign(session) as Buffer}, keys), 'reject');
	assert.equal(decideAuthentication({method: 'publickey', key: offer(other), blob: session, signature: other.sign(session) as Buffer}, keys), 'reject');
});

test('with a list: an offer of a listed key is only "that key would do", never a login; other methods are refused', () => {
	assert.equal(decideAuthentication({method: 'publickey', key: offer(listed)}, keys), 'key-ok');
	assert.equal(decideAuthentication({method: 'publickey', key: offer(other)}, keys), 'reject');
	assert.equal(decideAuthentication({method: 'none'}, keys), 'reject');
	assert.equal(decideAuthentication({method: 'password'}, keys), 'reject');
	assert.equal(decideAuthentication({method: 'publickey'}, keys), 'reject');
});
