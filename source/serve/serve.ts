import path from 'node:path';
import cluster from 'node:cluster';
import {readFileSync} from 'node:fs';
import process from 'node:process';
import chalk from 'chalk';
import {detectTheme, terminalCapabilities} from '../terminal/terminal-capabilities.js';
import {watchLibrary} from '../content/watch-library.js';
import {type ArticleLoader, createArticleLoader} from '../worker/article-loader.js';
import {openSources, type SourceSpec} from '../sources/library-sources.js';
import {cacheFolder, fileCache} from '../sources/response-cache.js';
import type {Theme} from '../render/article.js';
import type {Rgb} from '../render/colour.js';
import type {LibrarySource} from '../ui/services.js';
import {textStyleFor} from '../ui/text-style.js';
import {AddressHolders} from './address-holders.js';
import {parseAuthorizedKeys} from './authorized-keys.js';
import {clientNetwork} from './client-network.js';
import {defaultHostKeyPath, loadOrCreateHostKey} from './host-key.js';
import type {ServeOptions} from './options.js';
import {keepPlain} from './plain-output.js';
import type {SessionApp} from './session.js';
import {type ClientTerminal, createSshServer, defaultLimits, type SshLimits, type SshServer} from './ssh-server.js';

export type SessionStyle = {theme: Theme; colorLevel: 0 | 1 | 2 | 3; hyperlinks: boolean; attributes: boolean};

/**
 * Colours, links and theme for one client, from what its terminal sent (never the server's own
 * stdout): `auto` takes the background it reported, else its `COLORFGBG`, else dark.
 */
export function sessionStyle(terminal: ClientTerminal, theme: ServeOptions['theme'], background?: Rgb): SessionStyle {
	const {colorLevel, hyperlinks, attributes} = terminalCapabilities(terminal.env, true);
	return {theme: theme === 'auto' ? detectTheme(terminal.env, background) : theme, colorLevel, hyperlinks, attributes};
}

function log(line: string): void {
	process.stderr.write(`${line}\n`);
}

/**
 * Everything one server process needs: the shared library (followed on disk), article loaders shared
 * by every session with the same style, and the SSH server. Used by `serve` and by the tests.
 */
export function startServer(root: string | SourceSpec[], options: ServeOptions, hostKey: string, report: (line: string) => void = log, limits: Partial<SshLimits> = {}): {server: SshServer; close: () => Promise<void>} {
	// Readers see the folder's name, not where it lives on the server.
	const library = typeof root === 'string'
		? watchLibrary(root, {label: options.title ?? (path.basename(root) || root), watch: options.watch, extensions: options.extensions, confine: true})
		: openSources(root.map(spec => (spec.kind === 'folder' ? {...spec, label: path.basename(spec.root) || spec.root, load: {extensions: options.extensions, confine: true}} : spec)), {watch: options.watch, remote: {cache: fileCache(cacheFolder(process.env))}, minRefreshMs: 60_000});
	// Folders without `reload`: a stranger pressing `r` over and over must not keep the server re-reading
	// the folder. Web sources keep it, at most once a minute.
	const readersLibrary: LibrarySource = {current: library.current, indexing: library.indexing, subscribe: library.subscribe, get watching() {
		return library.watching;
	}, ...(typeof root === 'string' ? {} : {reload: () => library.reload()})};
	const loaders = new Map<string, ArticleLoader>();
	const loaderFor = (style: SessionStyle): ArticleLoader => {
		const key = `${style.theme}/${style.colorLevel}/${style.hyperlinks}`;
		let loader = loaders.get(key);
		if (!loader) {
			// Made when the first reader with this style connects: its worker warms up while they look at the list.
			loader = createArticleLoader({...style, warmUpAfterMs: 0, ...(options.width === undefined ? {} : {readingWidth: options.width})});
			loaders.set(key, loader);
		}

		return loader;
	};

	const authorized = options.authorizedKeys === undefined ? undefined : parseAuthorizedKeys(readFileSync(options.authorizedKeys, 'utf8'));
	if (authorized) {
		for (const problem of authorized.problems) {
			report(`${options.authorizedKeys}: ${problem} (skipped)`);
		}

		if (authorized.keys.length === 0) {
			throw new Error(`${options.authorizedKeys} holds no public key, so nobody could log in`);
		}
	}

	const server = createSshServer({
		hostKey,
		authorizedKeys: authorized?.keys,
		limits: {
			...defaultLimits,
			maxSessions: options.maxSessions,
			maxPerIp: options.maxPerIp,
			idleTimeoutMs: options.idleTimeout * 1000,
			maxDurationMs: options.maxDuration * 1000,
			...limits,
		},
		appFor(terminal, background): SessionApp {
			const style = sessionStyle(terminal, options.theme, background);
			// Each reader its own view of the shared loader: its stale renders are dropped, readers take turns.
			const loadArticle = loaderFor(style).forSession();
			return {source: readersLibrary, loadArticle, readingWidth: options.width, showDrafts: options.drafts, release: loadArticle.close, textStyle: textStyleFor(style.colorLevel, style.attributes, style.theme), mouse: options.mouse ?? true, outline: options.outline ?? true, quitGoesBack: options.quitGoesBack ?? false};
		},
		// A NO_COLOR client keeps its SGR: the App sends it no colour, only the attributes that show the focus.
		colourFor: terminal => sessionStyle(terminal, options.theme).attributes,
		// Only `auto` needs the answer, and only a terminal that gets colour.
		asksBackground: terminal => options.theme === 'auto' && sessionStyle(terminal, options.theme).colorLevel > 0,
		log: report,
	});

	return {
		server,
		async close() {
			await server.close();
			library.close();
			for (const loader of loaders.values()) {
				loader.close();
			}
		},
	};
}

/**
 * Sessions are interactive terminals even when the server itself runs under CI (where Ink would
 * print only final frames), and Ink's own colours come from the global chalk level, which the
 * server's stdout would decide: 16 colours for every session, stripped for colourless clients.
 */
function prepareProcess(maxSessions: number): void {
	process.env['NODE_ENV'] = 'production';
	process.env['CI'] = 'false';
	keepPlain(process.stdout);
	keepPlain(process.stderr);
	chalk.level = 1;
	// Ink adds a `beforeExit` listener per instance until it unmounts.
	process.setMaxListeners(maxSessions + 20);
	process.on('uncaughtException', error => {
		log(`${new Date().toISOString()} internal error (server kept running): ${error.stack ?? error.message}`);
	});
}

/** `blog-tui serve`: runs until SIGINT/SIGTERM, then says goodbye to every reader. */
export async function serve(root: string | SourceSpec[], options: ServeOptions): Promise<void> {
	prepareProcess(options.maxSessions);
	const keyFile = options.hostKey ?? defaultHostKeyPath(process.env);
	const hostKey = loadOrCreateHostKey(keyFile);
	if (options.workers > 1 && cluster.isPrimary) {
		await runPrimary(options, hostKey.fingerprint, hostKey.file);
		return;
	}

	// A worker's share of the session cap (the primary splits it; per-IP caps hold as they are, since
	// the primary gives all of one address's connections to one worker).
	const share = Number(process.env['BLOG_TUI_SERVE_WORKER_MAX']);
	const own = cluster.isWorker && share > 0 ? {...options, maxSessions: share} : options;
	// Listening for the signals before announcing: a supervisor may stop the server the moment it is up.
	const stopped = untilSignal();
	const {server, close} = startServer(root, own, hostKey.privateKey);
	if (cluster.isWorker) {
		// The primary accepts and hands each connection over (see runPrimary), and is told when it
		// closes: it keeps every connection from one address on one worker, so per-IP caps hold.
		process.on('message', (message: unknown, socket: unknown) => {
			if (message === 'blog-tui:connection' && socket) {
				const connection = socket as import('node:net').Socket;
				const network = clientNetwork(connection.remoteAddress ?? '');
				connection.once('close', () => {
					if (process.connected) {
						process.send?.({closed: network});
					}
				});
				server.handle(connection);
			}
		});
		// Only now can a connection handed over be taken: the primary deals none out before this.
		process.send?.('blog-tui:ready');
	} else {
		const address = await server.listen(options.port, options.host);
		announce(address.address, address.port, hostKey.fingerprint, hostKey.file, options);
	}

	await stopped;
	await close();
	if (cluster.isWorker) {
		// The channel to the primary would keep this process alive, and the primary waits for it.
		process.disconnect();
	}
}

function announce(host: string, port: number, fingerprint: string, keyFile: string, options: ServeOptions): void {
	const target = port === 22 ? host : `-p ${port} ${host}`;
	log(`blog-tui serve: listening on ${host}:${port} (${options.authorizedKeys === undefined ? 'anyone may connect' : `keys in ${options.authorizedKeys}`})`);
	log(`host key ${keyFile}`);
	log(`fingerprint ED25519 ${fingerprint}`);
	log(`readers connect with: ssh ${target}`);
}

/**
 * The first SIGINT/SIGTERM starts a clean shutdown, a second one ends the process at once. The
 * handlers stay installed: Ink's signal-exit re-raises a signal that no other listener handles,
 * which killed the server mid-goodbye once a session had loaded it.
 */
function untilSignal(): Promise<void> {
	return new Promise(resolve => {
		let stopping = false;
		const stop = () => {
			if (stopping) {
				process.exit(1);
			}

			stopping = true;
			resolve();
		};

		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}

/**
 * The cluster primary: accepts connections itself and deals them out round-robin to N workers (each a
 * whole server with its own sessions), restarting a worker that dies. The session cap is split
 * evenly; a connection from an address that already has one open goes to the same worker, so that
 * worker's per-IP cap counts all of that address's sessions.
 */
async function runPrimary(options: ServeOptions, fingerprint: string, keyFile: string): Promise<void> {
	const stopped = untilSignal();
	const net = await import('node:net');
	const workers: Array<import('node:cluster').Worker> = [];
	let stopping = false;
	const perWorker = Math.max(1, Math.ceil(options.maxSessions / options.workers));
	const ready = new Set<import('node:cluster').Worker>();
	const holders = new AddressHolders<import('node:cluster').Worker>();
	const fork = (index: number) => {
		const worker = cluster.fork({BLOG_TUI_SERVE_WORKER_MAX: String(perWorker)});
		worker.on('message', (message: unknown) => {
			if (message === 'blog-tui:ready') {
				ready.add(worker);
				worker.emit('blog-tui:ready');
			} else if (typeof (message as {closed?: unknown} | undefined)?.closed === 'string') {
				holders.release((message as {closed: string}).closed, worker);
			}
		});
		worker.on('exit', () => {
			ready.delete(worker);
			holders.forget(worker);
			if (!stopping) {
				log(`${new Date().toISOString()} worker ${index + 1} exited; starting another`);
				workers[index] = fork(index);
			}
		});
		return worker;
	};

	for (let index = 0; index < options.workers; index++) {
		workers.push(fork(index));
	}

	let next = 0;
	const listener = net.createServer({pauseOnConnect: true}, socket => {
		// The worker that holds this address's connections, else round-robin over the workers that can
		// take one (a restarted one may still be starting).
		const candidates = workers.filter(worker => ready.has(worker) && worker.isConnected());
		const network = clientNetwork(socket.remoteAddress ?? '');
		const held = holders.holder(network);
		const worker = held && candidates.includes(held) ? held : candidates[next++ % Math.max(1, candidates.length)];
		if (!worker) {
			socket.destroy();
			return;
		}

		holders.hold(network, worker);
		worker.send('blog-tui:connection', socket);
	});
	// Listening only once every worker is up, so no early reader's connection is dealt to nobody.
	await Promise.all(workers.map(async worker => {
		if (!ready.has(worker)) {
			// A worker that dies starting is replaced by the exit handler; not waited for again.
			await new Promise(resolve => {
				worker.once('blog-tui:ready', resolve);
				worker.once('exit', resolve);
			});
		}
	}));
	await new Promise<void>((resolve, reject) => {
		listener.once('error', reject);
		listener.listen(options.port, options.host, resolve);
	});
	const address = listener.address() as import('node:net').AddressInfo;
	announce(address.address, address.port, fingerprint, keyFile, options);
	log(`${options.workers} worker processes`);
	await stopped;
	stopping = true;
	listener.close();
	// Each worker says goodbye to its readers; one that does not finish in time is killed.
	await Promise.all(workers.map(async worker => {
		if (worker.isDead()) {
			return;
		}

		const exited = new Promise(resolve => worker.once('exit', resolve));
		worker.process.kill('SIGTERM');
		const force = setTimeout(() => worker.process.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(force);
	}));
}
