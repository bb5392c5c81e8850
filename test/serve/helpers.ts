import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import chalk from 'chalk';
import {Client, type ClientChannel, type ConnectConfig, type PseudoTtyOptions} from 'ssh2';
import {loadOrCreateHostKey} from '../../source/serve/host-key.js';
import type {ServeOptions} from '../../source/serve/options.js';
import {startServer} from '../../source/serve/serve.js';
import type {SshLimits} from '../../source/serve/ssh-server.js';

// As `serve` does for itself: sessions are interactive even when the tests run under CI, and Ink's
// own colours are at 16-colour level whatever the test runner's stdout is.
process.env['CI'] = 'false';
chalk.level = 1;

export function tempDir(prefix: string): string {
	return mkdtempSync(path.join(os.tmpdir(), `blog-tui-${prefix}-`));
}

export function writePost(folder: string, name: string, title: string, date: string, body = 'Some text.\n\n## First part\n\nMore text.\n'): void {
	writeFileSync(path.join(folder, name), `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}`);
}

export function makePosts(): string {
	const folder = tempDir('posts');
	writePost(folder, 'alpha.md', 'Alpha post about ferns', '2024-03-01');
	writePost(folder, 'beta.md', 'Beta post about moss', '2024-02-01');
	return folder;
}

export function serveOptions(overrides: Partial<ServeOptions> = {}): ServeOptions {
	return {host: '127.0.0.1', port: 0, hostKey: undefined, authorizedKeys: undefined, maxSessions: 100, maxPerIp: 100, idleTimeout: 0, maxDuration: 0, workers: 1, theme: 'dark', width: undefined, extensions: ['md'], drafts: false, watch: true, ...overrides};
}

export type TestServer = {port: number; logs: string[]; stats: () => {connections: number; sessions: number}; close: () => Promise<void>; posts: string};

export async function startTestServer(options: Partial<ServeOptions> = {}, limits: Partial<SshLimits> = {}): Promise<TestServer> {
	const posts = makePosts();
	const keyDir = tempDir('key');
	const hostKey = loadOrCreateHostKey(path.join(keyDir, 'host_ed25519'));
	const logs: string[] = [];
	const {server, close} = startServer(posts, serveOptions(options), hostKey.privateKey, line => logs.push(line), limits);
	const address = await server.listen(0, '127.0.0.1');
	return {
		port: address.port,
		logs,
		stats: server.stats,
		posts,
		async close() {
			await close();
			rmSync(posts, {recursive: true, force: true});
			rmSync(keyDir, {recursive: true, force: true});
		},
	};
}

export function connect(port: number, config: Partial<ConnectConfig> = {}): Promise<Client> {
	return new Promise((resolve, reject) => {
		const client = new Client();
		client.on('ready', () => {
			resolve(client);
		});
		client.on('error', reject);
		client.connect({host: '127.0.0.1', port, username: 'reader', readyTimeout: 10_000, ...config});
	});
}

/** A channel's output collected as text, with a bounded wait for some text to appear. */
export type Collected = {
	channel: ClientChannel;
	text: () => string;
	stderr: () => string;
	waitFor: (pattern: string | RegExp, timeoutMs?: number) => Promise<void>;
	exit: Promise<number | undefined>;
};

export function collect(channel: ClientChannel): Collected {
	let out = '';
	let err = '';
	channel.on('data', (data: Buffer) => {
		out += data.toString('utf8');
	});
	channel.stderr.on('data', (data: Buffer) => {
		err += data.toString('utf8');
	});
	const exit = new Promise<number | undefined>(resolve => {
		let code: number | undefined;
		channel.on('exit', (status: number | null) => {
			code = status ?? undefined;
		});
		channel.on('close', () => {
			resolve(code);
		});
	});
	return {
		channel,
		text: () => out,
		stderr: () => err,
		async waitFor(pattern, timeoutMs = 10_000) {
			const found = () => (typeof pattern === 'string' ? (out + err).includes(pattern) : pattern.test(out + err));
			for (let waited = 0; !found(); waited += 25) {
				if (waited > timeoutMs) {
					throw new Error(`timed out waiting for ${String(pattern)}; got ${JSON.stringify((out + err).slice(-400))}`);
				}

				await delay(25);
			}
		},
		exit,
	};
}

export function shell(client: Client, window: PseudoTtyOptions | false, env: Record<string, string> = {}): Promise<Collected> {
	return new Promise((resolve, reject) => {
		client.shell(window, {env}, (error, channel) => {
			if (error) {
				reject(error);
				return;
			}

			// Collected at once: output may arrive in the same packet batch as the channel.
			resolve(collect(channel));
		});
	});
}

export async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
	for (let waited = 0; !check(); waited += 25) {
		if (waited > timeoutMs) {
			throw new Error('timed out');
		}

		await delay(25);
	}
}

export const pty = {term: 'xterm-256color', cols: 100, rows: 30, width: 0, height: 0};
