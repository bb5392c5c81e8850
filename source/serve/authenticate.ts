import {type AuthorizedKey, findAuthorizedKey, signatureValid} from './authorized-keys.js';

/** One authentication request as ssh2 reports it (only what the decision reads). */
export type AuthAttempt = {
	method: string;
	key?: {algo: string; data: Buffer};
	blob?: Buffer;
	signature?: Buffer;
	hashAlgo?: string;
};

/**
 * `accept` ends authentication, except for `key-ok`: the client asked whether a key would do, and
 * answering yes is not authenticating it (the client must come back with a signature).
 */
export type AuthDecision = 'accept' | 'key-ok' | 'reject';

/**
 * Who gets in. Without an authorized-keys list, anyone (any user name, `none` auth); with one, only a
 * client that signs with one of those keys.
 */
export function decideAuthentication(attempt: AuthAttempt, authorizedKeys: readonly AuthorizedKey[] | undefined): AuthDecision {
	if (authorizedKeys === undefined) {
		return 'accept';
	}

	if (attempt.method !== 'publickey' || attempt.key === undefined) {
		return 'reject';
	}

	const key = findAuthorizedKey(authorizedKeys, attempt.key);
	if (!key) {
		return 'reject';
	}

	if (attempt.signature === undefined) {
		return 'key-ok';
	}

	return signatureValid(key, attempt.blob, attempt.signature, attempt.hashAlgo) ? 'accept' : 'reject';
}
