import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import ssh2 from 'ssh2';
import {xdgDir} from '../xdg-dir.js';

export type HostKey = {
	/** The private key as stored (OpenSSH format). */
	privateKey: string;
	/** `SHA256:…` as `ssh-keygen -lf` and the OpenSSH client print it. */
	fingerprint: string;
	/** The path it was read from or created at. */
	file: string;
	created: boolean;
};

/** `$XDG_DATA_HOME/blog-tui/host_ed25519`, falling back to `~/.local/share` as the XDG spec says. */
export function defaultHostKeyPath(env: NodeJS.ProcessEnv): string {
	return path.join(xdgDir(env, 'XDG_DATA_HOME'), 'host_ed25519');
}

/** The OpenSSH fingerprint of a private or public key in any format ssh2 reads. */
export function fingerprintOf(key: string | Buffer): string {
	const parsed = ssh2.utils.parseKey(key);
	if (parsed instanceof Error) {
		throw parsed;
	}

	const digest = createHash('sha256').update(parsed.getPublicSSH()).digest('base64').replace(/=+$/, '');
	return `SHA256:${digest}`;
}

function isMissing(error: unknown): boolean {
	return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * A new ed25519 private key in OpenSSH format. ssh2's generator writes about one key in 250 with a
 * public key a byte short (a leading zero dropped), which ssh2 itself then refuses to load: such a
 * key is thrown away and another made.
 */
export function generateHostKey(): string {
	for (let attempt = 0; attempt < 20; attempt++) {
		const {private: privateKey} = ssh2.utils.generateKeyPairSync('ed25519');
		if (!(ssh2.utils.parseKey(privateKey) instanceof Error)) {
			return privateKey;
		}
	}

	throw new Error('could not generate a usable ed25519 host key');
}

/**
 * Reads the host key, or makes an ed25519 one (mode 0600, folder 0700) on first start so the
 * fingerprint readers have accepted stays the same across restarts. `wx` keeps two processes
 * starting at once from overwriting each other's key: the loser reads the winner's.
 */
export function loadOrCreateHostKey(file: string): HostKey {
	try {
		const privateKey = readFileSync(file, 'utf8');
		return {privateKey, fingerprint: fingerprintOf(privateKey), file, created: false};
	} catch (error) {
		if (!isMissing(error)) {
			throw new Error(`cannot use host key ${file}: ${(error as Error).message}`);
		}
	}

	mkdirSync(path.dirname(file), {recursive: true, mode: 0o700});
	const privateKey = generateHostKey();
	try {
		writeFileSync(file, privateKey, {mode: 0o600, flag: 'wx'});
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			return loadOrCreateHostKey(file);
		}

		throw error;
	}

	return {privateKey, fingerprint: fingerprintOf(privateKey), file, created: true};
}
