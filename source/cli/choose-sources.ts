import {isRemote} from '../sources/remote-url.js';
import type {SourceSpec} from '../sources/library-sources.js';
import type {RemoteOptions} from '../sources/read-remote.js';
import {cacheFolder, fileCache} from '../sources/response-cache.js';
import {chooseRoot, type Root} from './choose-root.js';
import {CliError} from './errors.js';

/** One folder or file, read as before; or several sources, or any on the web, read together. */
export type Target = {kind: 'root'; root: Root} | {kind: 'sources'; specs: SourceSpec[]; label: string};

function checkUrl(given: string): string {
	try {
		const url = new URL(given);
		if (url.hostname === '') {
			throw new Error('no host');
		}

		return url.href;
	} catch {
		throw new CliError(`${given} is not a web address blog-tui can read — give http(s)://host/path`);
	}
}

/** What `blog-tui [path|url…]` reads: each argument a folder, a post file, or an http(s) address. */
export function chooseTarget(given: readonly string[], cwd: string, bundledPosts: string, extensions: readonly string[], configured?: {root: string; label: string}): Target {
	if (given.length <= 1 && !given.some(item => isRemote(item))) {
		return {kind: 'root', root: chooseRoot(given[0], cwd, bundledPosts, configured)};
	}

	const specs = given.map((item): SourceSpec => {
		if (isRemote(item)) {
			return {kind: 'url', url: checkUrl(item)};
		}

		const root = chooseRoot(item, cwd, bundledPosts);
		return {kind: 'folder', root: root.root, label: root.label, load: {extensions}};
	});
	return {kind: 'sources', specs, label: given.join(' + ')};
}

/** Network reads from the command line: the copy kept under `$XDG_CACHE_HOME/blog-tui/`. */
export function remoteOptions(env: NodeJS.ProcessEnv): RemoteOptions {
	return {cache: fileCache(cacheFolder(env))};
}
