import {cacheFolder} from '../content/index-cache.js';
import type {LoadOptions} from '../content/load-library.js';
import type {GlobalOptions} from './global-options.js';

/**
 * How the commands read a folder: the extensions asked for and, unless `--no-cache`, the index cache
 * under `$XDG_CACHE_HOME/blog-tui`. Its warning is written to `stderr` once, however often the
 * browser re-reads the folder. `bodies: 'on demand'` for commands that show one post's text at most.
 */
export function libraryOptions(options: GlobalOptions, env: NodeJS.ProcessEnv, stderr: {write: (text: string) => unknown}, bodies: LoadOptions['bodies'] = 'kept'): Omit<LoadOptions, 'onProgress'> {
	if (!options.cache) {
		return {extensions: options.extensions, bodies};
	}

	let warned = false;
	const onWarning = (message: string) => {
		if (!warned) {
			warned = true;
			stderr.write(`blog-tui: ${message}\n`);
		}
	};

	return {extensions: options.extensions, bodies, cache: {folder: cacheFolder(env), onWarning}};
}
