import {existsSync} from 'node:fs';
import type {ServeOptions} from '../serve/options.js';
import {CliError} from './errors.js';
import type {GlobalOptions} from './global-options.js';
import type {Settings} from './options-schema.js';

/**
 * The `serve` settings as the server's options. `authorizedKeysAsGiven` is how the user wrote that
 * path, for the message when it is missing.
 */
export function serveOptions(settings: Settings, options: GlobalOptions, authorizedKeysAsGiven: string | undefined): ServeOptions {
	const {authorizedKeys} = settings;
	// Checked after every value, so a usage error (exit 2) is reported before a missing file (exit 1).
	if (authorizedKeys !== undefined && !existsSync(authorizedKeys)) {
		throw new CliError(`${authorizedKeysAsGiven ?? authorizedKeys} does not exist — give an authorized_keys file with one public key per line`);
	}

	return {
		host: settings.host,
		port: settings.port,
		hostKey: settings.hostKey,
		authorizedKeys,
		maxSessions: settings.maxSessions,
		maxPerIp: settings.maxPerIp,
		idleTimeout: settings.idleTimeout,
		maxDuration: settings.maxDuration,
		workers: settings.workers,
		theme: options.theme,
		width: options.width,
		extensions: options.extensions,
		drafts: options.drafts,
		watch: options.watch,
		mouse: settings.mouse,
		outline: settings.outline,
		quitGoesBack: settings.quit === 'back',
		...(settings.title === undefined ? {} : {title: settings.title}),
	};
}
