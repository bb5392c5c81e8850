import ssh2, {type ParsedKey} from 'ssh2';

export type AuthorizedKey = {algo: string; publicSSH: Buffer; comment: string; key: ParsedKey};

export type AuthorizedKeys = {keys: AuthorizedKey[]; problems: string[]};

const keyType = /^(?:ssh-(?:ed25519|rsa|dss)|ecdsa-sha2-nistp\d+|sk-\S+)$/;

/** The `type base64 [comment]` part of a line, skipping any leading options (`from="…",no-pty …`). */
function keyPart(line: string): string | undefined {
	const words = line.match(/(?:[^\s"]+|"(?:[^"\\]|\\.)*")+/g) ?? [];
	const start = words.findIndex(word => keyType.test(word));
	return start === -1 ? undefined : words.slice(start).join(' ');
}

/**
 * Parses an OpenSSH `authorized_keys` file. Options before a key are accepted but not enforced (the
 * server offers only the read-only browser anyway); lines that are not keys are reported by number.
 */
export function parseAuthorizedKeys(text: string): AuthorizedKeys {
	const keys: AuthorizedKey[] = [];
	const problems: string[] = [];
	for (const [index, raw] of text.split(/\r?\n/).entries()) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		const part = keyPart(line);
		const parsed = part === undefined ? undefined : ssh2.utils.parseKey(part);
		if (parsed === undefined || parsed instanceof Error) {
			problems.push(`line ${index + 1}: not a public key${parsed instanceof Error ? ` (${parsed.message})` : ''}`);
			continue;
		}

		keys.push({algo: parsed.type, publicSSH: parsed.getPublicSSH(), comment: parsed.comment, key: parsed});
	}

	return {keys, problems};
}

/** The authorized key a client offers (`algo` and the key's wire blob), if it is one. */
export function findAuthorizedKey(keys: readonly AuthorizedKey[], offered: {algo: string; data: Buffer}): AuthorizedKey | undefined {
	return keys.find(key => key.publicSSH.equals(offered.data));
}

/** True only for a signature made by that key over the session data: an offer alone never passes. */
export function signatureValid(key: AuthorizedKey, blob: Buffer | undefined, signature: Buffer | undefined, hashAlgo: string | undefined): boolean {
	if (blob === undefined || signature === undefined) {
		return false;
	}

	return key.key.verify(blob, signature, hashAlgo) === true;
}
