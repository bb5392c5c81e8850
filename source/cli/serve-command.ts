import type {ServeOptions} from '../serve/options.js';
import {CliError} from './errors.js';

/** Starts the SSH server; it lives in its own chunk so the other commands never load ssh2. */
export async function runServe(root: string, options: ServeOptions): Promise<void> {
	throw new CliError(`serve is not available yet (asked for ${options.host}:${options.port} on ${root}) — use blog-tui [path] locally`);
}
