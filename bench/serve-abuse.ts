/**
 * `npm run bench -- serve-abuse`: `blog-tui serve` with its default flags under each attack of issue 16,
 * one at a time, while a second reader connects with OpenSSH (in a pty made by `script`) from another
 * loopback address. Prints, per attack, how long that reader waited for the list (target ≤ 2 s) and the
 * server's RSS (most seen while the attack ran, target < 500 MB). It prints figures; it is not a test.
 */
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {Client, type ClientChannel} from 'ssh2';
import {generatePost} from './generate.js';
import {startServe} from './serve.js';
import {formatBytes, formatMs} from './stats.js';

const attacker = '127.0.0.2';
const reader = '127.0.0.3';
const listText = 'Small post about moss';

function rssOf(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
	const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) * 1024 : Number.NaN;
}

function writeBlog(folder: string): void {
	mkdirSync(folder, {recursive: true});
	const body = generatePost(3, 300_000).replace(/^---\n[\s\S]*?\n---\n/, '');
	writeFileSync(path.join(folder, 'big.md'), `---\ntitle: Big post on lichens\ndate: 2031-01-01\n---\n\n${body}`);
	writeFileSync(path.join(folder, 'moss.md'), `---\ntitle: ${listText}\ndate: 2030-01-01\n---\n\nMoss grows slowly.\n\n## Where\n\nNorth sides.\n`);
	writeFileSync(path.join(folder, 'ferns.md'), '---\ntitle: Small post about ferns\ndate: 2029-01-01\n---\n\nFerns unroll.\n');
}

/**
 * The second reader: OpenSSH in a 100×30 pty from its own address. Resolves with the time from
 * starting `ssh` to the list on its screen, or undefined after 30 s.
 */
async function probe(port: number): Promise<number | undefined> {
	const command = `stty cols 100 rows 30; exec ssh -tt -p ${port} -b ${reader} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=30 reader@127.0.0.1`;
	const started = performance.now();
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: {...process.env, TERM: 'xterm-256color'}, stdio: ['pipe', 'pipe', 'pipe']});
	let seen = '';
	try {
		return await new Promise<number | undefined>(resolve => {
			const timer = setTimeout(() => {
				resolve(undefined);
			}, 30_000);
			child.stdout.on('data', (chunk: Buffer) => {
				seen += chunk.toString('utf8');
				if (seen.includes(listText)) {
					clearTimeout(timer);
					resolve(performance.now() - started);
				}
			});
			child.on('exit', () => {
				clearTimeout(timer);
				resolve(undefined);
			});
		});
	} finally {
		child.stdin.write('q');
		await delay(200);
		child.kill('SIGKILL');
	}
}

type Attack = {name: string; start: (port: number) => Promise<() => void>};

function connect(port: number): Promise<Client> {
	return new Promise((resolve, reject) => {
		const client = new Client();
		client.on('ready', () => {
			resolve(client);
		});
		client.on('error', reject);
		client.connect({host: '127.0.0.1', port, localAddress: attacker, username: 'attacker', readyTimeout: 30_000});
	});
}

function shell(client: Client, cols = 100, rows = 30): Promise<ClientChannel> {
	return new Promise((resolve, reject) => {
		client.shell({term: 'xterm-256color', cols, rows}, (error, channel) => {
			if (error) {
				reject(error);
			} else {
				channel.resume();
				resolve(channel);
			}
		});
	});
}

/** Runs `step` over and over (yielding between) until stopped. */
function loop(step: () => Promise<void> | void): () => void {
	let running = true;
	void (async () => {
		while (running) {
			try {
				await step();
			} catch {
				await delay(50);
			}

			await delay(0);
		}
	})();
	return () => {
		running = false;
	};
}

async function writeAll(channel: ClientChannel, text: string): Promise<void> {
	if (!channel.write(text)) {
		await new Promise(resolve => channel.once('drain', resolve));
	}
}

const attacks: Attack[] = [
	{
		name: 'huge pty request and window changes (4294967295×1, 100000², 16777216×24)',
		async start(port) {
			const client = await connect(port);
			const channel = await shell(client, 4_294_967_295, 4_294_967_295);
			const sizes = [[1, 4_294_967_295], [100_000, 100_000], [24, 16_777_216], [65_535, 65_535]] as const;
			let index = 0;
			const stop = loop(async () => {
				const [rows, cols] = sizes[index++ % sizes.length]!;
				channel.setWindow(rows, cols, 0, 0);
				await delay(50);
			});
			return () => {
				stop();
				client.end();
			};
		},
	},
	{
		name: 'keys at 30 a second on a 1000×500 screen (5 sessions)',
		async start(port) {
			const clients = await Promise.all(Array.from({length: 5}, async () => connect(port)));
			const channels = await Promise.all(clients.map(async client => shell(client, 1000, 500)));
			let press = 0;
			const stop = loop(async () => {
				for (const channel of channels) {
					channel.write(press % 2 === 0 ? 'j' : 'k');
				}

				press++;
				await delay(33);
			});
			return () => {
				stop();
				for (const client of clients) {
					client.end();
				}
			};
		},
	},
	{
		name: 'resize flood (20,000 window changes, repeated)',
		async start(port) {
			const client = await connect(port);
			const channel = await shell(client);
			const stop = loop(async () => {
				for (let index = 0; index < 20_000; index++) {
					channel.setWindow(30, 60 + (index % 40), 0, 0);
				}

				await delay(200);
			});
			return () => {
				stop();
				client.end();
			};
		},
	},
	{
		name: 'key flood (j as fast as the channel takes it)',
		async start(port) {
			const client = await connect(port);
			const channel = await shell(client);
			const chunk = 'j'.repeat(32 * 1024);
			const stop = loop(async () => writeAll(channel, chunk));
			return () => {
				stop();
				client.end();
			};
		},
	},
	{
		name: 'paste into the / filter (120 KB, then Ctrl-W, repeated)',
		async start(port) {
			const client = await connect(port);
			const channel = await shell(client);
			const paste = `/${'moss and '.repeat(12_000)}${' '.repeat(40_000)}\u0017`;
			const stop = loop(async () => {
				await writeAll(channel, paste);
				await writeAll(channel, '\u001B');
			});
			return () => {
				stop();
				client.end();
			};
		},
	},
	{
		name: 'shared render queue (300 KB post, a new width every 10 ms, 5 sessions)',
		async start(port) {
			const clients = await Promise.all(Array.from({length: 5}, async () => connect(port)));
			const channels = await Promise.all(clients.map(async client => shell(client)));
			await delay(1500);
			for (const channel of channels) {
				channel.write('\r');
			}

			let width = 0;
			const stop = loop(async () => {
				for (const channel of channels) {
					channel.setWindow(30, 40 + (width++ % 150), 0, 0);
				}

				await delay(10);
			});
			return () => {
				stop();
				for (const client of clients) {
					client.end();
				}
			};
		},
	},
	{
		name: 'pre-auth lock-out (215 silent connections from one address, reopened as dropped)',
		async start(port) {
			let running = true;
			const sockets = new Set<net.Socket>();
			const open = () => {
				if (!running) {
					return;
				}

				const socket = net.connect({port, host: '127.0.0.1', localAddress: attacker});
				sockets.add(socket);
				socket.on('error', () => undefined);
				socket.resume();
				socket.on('close', () => {
					sockets.delete(socket);
					setTimeout(open, 20);
				});
			};

			for (let index = 0; index < 215; index++) {
				open();
			}

			await delay(1000);
			return () => {
				running = false;
				for (const socket of sockets) {
					socket.destroy();
				}
			};
		},
	},
	{
		name: 'second shell request on a running channel (repeated)',
		async start(port) {
			const client = await connect(port);
			const channel = await shell(client);
			const inner = channel as unknown as {outgoing: {id: number}; _callbacks: Array<(failed: boolean) => void>};
			const protocol = (client as unknown as {_protocol: {shell: (id: number, wantReply: boolean) => void}})._protocol;
			const stop = loop(async () => {
				await new Promise(resolve => {
					inner._callbacks.push(resolve);
					protocol.shell(inner.outgoing.id, true);
				});
				await delay(20);
			});
			return () => {
				stop();
				client.end();
			};
		},
	},
];

/** `only`: run just the attacks whose name contains it (`npm run bench -- serve-abuse paste`). */
export async function serveAbuse(root: string, only?: string): Promise<void> {
	const cli = path.join(root, 'dist', 'cli.js');
	const scratch = mkdtempSync(path.join(os.tmpdir(), 'blog-tui-serve-abuse-'));
	try {
		execFileSync('ssh', ['-V'], {stdio: 'ignore'});
		const posts = path.join(scratch, 'posts');
		writeBlog(posts);
		// Default flags: only where to listen and where the host key lives are given.
		const {server, port, log} = await startServe(cli, [posts, '--port', '0', '--host-key', path.join(scratch, 'host_ed25519')]);
		try {
			const pid = server.pid!;
			const quiet = await probe(port);
			process.stdout.write(`serve-abuse: default flags, reader over OpenSSH from ${reader}, attacks from ${attacker}\n`);
			process.stdout.write(`no attack: list in ${quiet === undefined ? 'NOT SEEN in 30 s' : formatMs(quiet)}, RSS ${formatBytes(rssOf(pid))}\n\n`);
			const rows: string[][] = [];
			for (const attack of attacks.filter(({name}) => only === undefined || name.includes(only))) {
				let most = rssOf(pid);
				const sampler = setInterval(() => {
					most = Math.max(most, rssOf(pid));
				}, 100);
				let waited: number | undefined;
				let note = '';
				try {
					const stop = await attack.start(port);
					await delay(1000);
					waited = await probe(port);
					await delay(500);
					stop();
				} catch (error) {
					note = ` (attack failed: ${(error as Error).message})`;
				}

				clearInterval(sampler);
				if (server.exitCode !== null) {
					note += ' (SERVER DIED)';
				}

				const met = waited !== undefined && waited <= 2000 && most < 500 * 1024 * 1024;
				rows.push([attack.name, waited === undefined ? 'not seen in 30 s' : formatMs(waited), formatBytes(most), met ? 'met' : `MISSED${note}`]);
				process.stderr.write(`  ${rows.at(-1)!.join(' | ')}\n`);
				// Let the server drop what the attack left before the next one.
				await delay(3000);
				if (server.exitCode !== null) {
					break;
				}
			}

			const header = ['attack', 'second reader: list in (≤ 2 s)', 'server RSS, most (< 500 MB)', 'targets'];
			const widths = header.map((_, column) => Math.max(...[header, ...rows].map(cells => cells[column]!.length)));
			const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
			process.stdout.write(`${[line(header), `|${widths.map(width => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(cells => line(cells))].join('\n')}\n`);
			process.stdout.write(`\npeak RSS over the whole run (VmHWM): ${formatBytes(rssOf(pid, 'VmHWM'))}; log lines written: ${log().split('\n').length}\n`);
		} finally {
			server.kill('SIGTERM');
		}
	} finally {
		rmSync(scratch, {recursive: true, force: true});
	}
}
