import {existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {defaultServeOptions, type ServeOptions} from '../serve/options.js';
import {CliError, usageError} from './errors.js';
import {type GlobalOptions, wholeNumber} from './global-options.js';
import type {Flags} from './parse-args.js';

type Range = {min: number; max: number; meaning: string};

function whole(flag: string, text: string | undefined, fallback: number, range: Range): number {
	if (text === undefined) {
		return fallback;
	}

	const value = wholeNumber(text);
	if (value === undefined || value < range.min || value > range.max) {
		throw usageError(`${flag} must be a whole number from ${range.min} to ${range.max} (${range.meaning}), not "${text}"`);
	}

	return value;
}

/** `~/keys` is expanded by the shell only at the start of a word; `--host-key=~/key` arrives as typed. */
function resolvePath(text: string, cwd: string): string {
	return path.resolve(cwd, text.startsWith('~/') ? path.join(os.homedir(), text.slice(2)) : text);
}

/** The `serve` flags checked and turned into the server's options; a bad value is a usage error (exit 2). */
export function serveOptions(flags: Flags, options: GlobalOptions, cwd: string): ServeOptions {
	const host = flags.host ?? defaultServeOptions.host;
	if (host.trim() === '' || /\s/.test(host)) {
		throw usageError(`--host must be an address to listen on, such as 127.0.0.1 or 0.0.0.0, not "${host}"`);
	}

	const authorizedKeys = flags.authorizedKeys === undefined ? undefined : resolvePath(flags.authorizedKeys, cwd);
	const serve: ServeOptions = {
		host,
		port: whole('--port', flags.port, defaultServeOptions.port, {min: 0, max: 65_535, meaning: '0 picks a free one'}),
		hostKey: flags.hostKey === undefined ? undefined : resolvePath(flags.hostKey, cwd),
		authorizedKeys,
		maxSessions: whole('--max-sessions', flags.maxSessions, defaultServeOptions.maxSessions, {min: 1, max: 100_000, meaning: 'sessions at once'}),
		maxPerIp: whole('--max-per-ip', flags.maxPerIp, defaultServeOptions.maxPerIp, {min: 1, max: 100_000, meaning: 'sessions at once from one address'}),
		idleTimeout: whole('--idle-timeout', flags.idleTimeout, defaultServeOptions.idleTimeout, {min: 0, max: 604_800, meaning: 'seconds, 0 = never'}),
		maxDuration: whole('--max-duration', flags.maxDuration, defaultServeOptions.maxDuration, {min: 0, max: 604_800, meaning: 'seconds, 0 = no limit'}),
		workers: whole('--workers', flags.workers, defaultServeOptions.workers, {min: 1, max: 256, meaning: 'processes'}),
		theme: options.theme,
		width: options.width,
		extensions: options.extensions,
		drafts: options.drafts,
		watch: options.watch,
	};
	// Checked after every value, so a usage error (exit 2) is reported before a missing file (exit 1).
	if (authorizedKeys !== undefined && !existsSync(authorizedKeys)) {
		throw new CliError(`${flags.authorizedKeys} does not exist — give an authorized_keys file with one public key per line`);
	}

	return serve;
}
