import assert from 'node:assert/strict';
import {createHash} from 'node:crypto';
import {statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import ssh2, {type ParsedKey} from 'ssh2';
import {generateHostKey, loadOrCreateHostKey} from '../../source/serve/host-key.js';
import {startServer} from '../../source/serve/serve.js';
import {connect, makePosts, serveOptions, startTestServer, tempDir} from './helpers.js';

/** A client key pair, made by the host key's generator: ssh2's own writes an unloadable key about once in 250. */
function keyPair(): {private: string; public: string; parsed: ParsedKey} {
	const privateKey = generateHostKey();
	const parsed = ssh2.utils.parseKey(privateKey) as ParsedKey;
	return {private: privateKey, public: `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`, parsed};
}

/**
 * An agent that offers `offered` but signs with `signer` (or refuses to sign), so a client can send a
 * key the server knows without proving it holds that key.
 */
class ForgingAgent extends ssh2.BaseAgent {
	signRequests = 0;

	constructor(private readonly offered: ParsedKey, private readonly signer: ParsedKey | undefined) {
		super();
	}

	override getIdentities(callback: (error: Error | undefined, keys?: ParsedKey[]) => void): void {
		callback(undefined, [this.offered]);
	}

	override sign(_key: ParsedKey, data: Buffer, options: {hash?: string} | ((error?: Error, signature?: Buffer) => void), callback?: (error?: Error, signature?: Buffer) => void): void {
		const done = typeof options === 'function' ? options : callback!;
		this.signRequests++;
		if (this.signer === undefined) {
			done(new Error('this agent does not sign'));
			return;
		}

		done(undefined, this.signer.sign(data) as Buffer);
	}
}

async function refused(port: number, config: Parameters<typeof connect>[1]): Promise<Error> {
	try {
		const client = await connect(port, config);
		client.end();
	} catch (error) {
		return error as Error;
	}

	assert.fail('the client was let in');
}

test('with --authorized-keys only a listed key with a valid signature gets in', async () => {
	const listed = keyPair();
	const other = keyPair();
	const folder = tempDir('keys');
	const file = path.join(folder, 'authorized_keys');
	writeFileSync(file, `# readers\n${listed.public} reader@example\n`);
	const server = await startTestServer({authorizedKeys: file});
	try {
		const client = await connect(server.port, {privateKey: listed.private});
		client.end();

		assert.match((await refused(server.port, {privateKey: other.private})).message, /authentication methods failed/);
		assert.match((await refused(server.port, {})).message, /authentication methods failed/);

		// The server says "that key would do" (so the agent is asked to sign), yet without a signature it is no login.
		const unsigned = new ForgingAgent(listed.parsed, undefined);
		await refused(server.port, {agent: unsigned});
		assert.equal(unsigned.signRequests, 1, 'the listed key was offered and accepted as a candidate');

		const forged = new ForgingAgent(listed.parsed, other.parsed);
		await refused(server.port, {agent: forged});
		assert.equal(forged.signRequests, 1);

		assert.equal(server.logs.filter(line => / connect /.test(line)).length, 1, server.logs.join('\n'));
	} finally {
		await server.close();
	}
});

test('the host key is made once and is the same after a restart, as is its printed fingerprint', async () => {
	const folder = tempDir('host-key');
	const file = path.join(folder, 'nested', 'host_ed25519');
	const posts = makePosts();
	const keysSeen: string[] = [];
	const fingerprints: string[] = [];
	for (let start = 0; start < 2; start++) {
		const hostKey = loadOrCreateHostKey(file);
		assert.equal(hostKey.created, start === 0);
		fingerprints.push(hostKey.fingerprint);
		const {server, close} = startServer(posts, serveOptions(), hostKey.privateKey, () => undefined);
		try {
			const address = await server.listen(0, '127.0.0.1');
			const client = await connect(address.port, {
				hostVerifier(key: Buffer) {
					keysSeen.push(`SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`);
					return true;
				},
			});
			client.end();
		} finally {
			await close();
		}
	}

	assert.equal(keysSeen.length, 2);
	assert.equal(keysSeen[0], keysSeen[1], 'clients see the same host key after a restart');
	assert.deepEqual(fingerprints, keysSeen, 'the fingerprint printed at start is the one clients see');
	assert.equal(statSync(file).mode & 0o777, 0o600);
	assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
});

test('every generated host key loads: 3,000 in a row (ssh2 alone writes a broken one about every 250)', () => {
	for (let index = 0; index < 3000; index++) {
		const key = generateHostKey();
		assert.ok(!(ssh2.utils.parseKey(key) instanceof Error), `key ${index} does not load:\n${key}`);
	}
});
