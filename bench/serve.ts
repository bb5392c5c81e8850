import {type ChildProcess, spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {type ClientChannel, Client} from 'ssh2';

export type ServeRound = {
	sessions: number;
	/** Every key's latency: written by the client → the next output the client received. */
	latenciesMs: number[];
	/** Keys that got no output within a second. */
	unanswered: number;
	/** (Server RSS with the sessions open − RSS before they connected) / sessions. */
	rssPerSessionBytes: number;
	/** Sessions that could not connect or draw the list. */
	failed: number;
};

function rssOf(pid: number): number {
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) * 1024 : Number.NaN;
}

/** Starts the built CLI's `blog-tui serve` with `args`; resolves with its port once it listens, and its output so far. */
export function startServe(cli: string, args: string[]): Promise<{server: ChildProcess; port: number; log: () => string}> {
	return new Promise((resolve, reject) => {
		const server = spawn(process.execPath, [cli, 'serve', ...args], {
			env: {...process.env, CI: 'false'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let said = '';
		const listen = (chunk: Buffer) => {
			said += chunk.toString('utf8');
			const match = /listening on [^\s]+:(\d+)/.exec(said);
			if (match) {
				resolve({server, port: Number(match[1]), log: () => said});
			}
		};

		server.stdout.on('data', listen);
		server.stderr.on('data', listen);
		server.on('exit', code => {
			reject(new Error(`serve exited (${code}) before listening:\n${said}`));
		});
	});
}

type Session = {client: Client; shell: ClientChannel; lastOutput: number};

/** One SSH session with a 100×30 pty; resolves once `listText` is on its screen. */
function openSession(port: number, listText: string): Promise<Session> {
	return new Promise((resolve, reject) => {
		const client = new Client();
		const timer = setTimeout(() => {
			client.end();
			reject(new Error('session did not draw the list in 30 s'));
		}, 30_000);
		client.on('error', error => {
			clearTimeout(timer);
			reject(error);
		});
		client.on('ready', () => {
			client.shell({term: 'xterm-256color', cols: 100, rows: 30}, (error, shell) => {
				if (error) {
					clearTimeout(timer);
					reject(error);
					return;
				}

				const session: Session = {client, shell, lastOutput: 0};
				let seen = '';
				let drawn = false;
				shell.on('data', (chunk: Buffer) => {
					session.lastOutput = performance.now();
					if (!drawn) {
						seen += chunk.toString('utf8');
						drawn = seen.includes(listText);
						if (drawn) {
							clearTimeout(timer);
							resolve(session);
						}
					}
				});
			});
		});
		client.connect({host: '127.0.0.1', port, username: 'bench', readyTimeout: 30_000});
	});
}

/**
 * `sessions` readers on loopback, each pressing a key (j, then k, …) once a second for `seconds`,
 * their presses spread evenly over the second, as independent people's would be.
 */
async function round(port: number, serverPid: number, sessions: number, seconds: number, listText: string): Promise<ServeRound> {
	const before = rssOf(serverPid);
	const settled = await Promise.allSettled(Array.from({length: sessions}, async (_, index) => {
		await delay(index * 20);
		return openSession(port, listText);
	}));
	const open = settled.flatMap(result => (result.status === 'fulfilled' ? [result.value] : []));
	await delay(1000);
	const latenciesMs: number[] = [];
	let unanswered = 0;
	await Promise.all(open.map(async (session, index) => {
		await delay((1000 / Math.max(1, open.length)) * index);
		for (let press = 0; press < seconds; press++) {
			const at = performance.now();
			session.shell.write(press % 2 === 0 ? 'j' : 'k');
			const answered = await new Promise<number | undefined>(resolve => {
				const check = () => {
					if (session.lastOutput >= at) {
						resolve(session.lastOutput - at);
					} else if (performance.now() - at > 1000) {
						resolve(undefined);
					} else {
						setTimeout(check, 2);
					}
				};

				check();
			});
			if (answered === undefined) {
				unanswered++;
			} else {
				latenciesMs.push(answered);
			}

			await delay(Math.max(0, 1000 - (performance.now() - at)));
		}
	}));
	const during = rssOf(serverPid);
	for (const session of open) {
		session.client.end();
	}

	await delay(1500);
	return {sessions, latenciesMs, unanswered, rssPerSessionBytes: (during - before) / Math.max(1, open.length), failed: sessions - open.length};
}

/** Runs the built CLI's SSH server and measures rounds of `counts` sessions against it. */
export async function measureServe(cli: string, posts: string, listText: string, scratch: string, counts: number[], seconds: number): Promise<ServeRound[]> {
	const most = String(Math.max(...counts));
	const {server, port} = await startServe(cli, [posts, '--port', '0', '--host-key', path.join(scratch, 'host_ed25519'), '--max-sessions', most, '--max-per-ip', most, '--no-watch']);
	try {
		const rounds = [];
		for (const count of counts) {
			rounds.push(await round(port, server.pid!, count, seconds, listText));
		}

		return rounds;
	} finally {
		server.kill('SIGTERM');
	}
}
