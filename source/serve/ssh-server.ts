import net, {type AddressInfo, type Socket} from 'node:net';
import ssh2, {type Connection, type ServerChannel, type Session} from 'ssh2';
import {type AuthorizedKey, findAuthorizedKey, signatureValid} from './authorized-keys.js';
import type {InkSession, SessionApp} from './session.js';
import {admitSession, logLine, SessionTally} from './session-limits.js';
import type {TerminalSize} from './terminal-streams.js';

/** What a client told us about its terminal: pty size and type, and the variables it sent. */
export type ClientTerminal = {term: string; env: Record<string, string>; size: TerminalSize};

export type SshLimits = {
	maxSessions: number;
	maxPerIp: number;
	/** 0 = never. */
	idleTimeoutMs: number;
	/** 0 = no limit. */
	maxDurationMs: number;
	/** From TCP connect to authenticated. */
	preAuthTimeoutMs: number;
	keepaliveIntervalMs: number;
	keepaliveCountMax: number;
	/** Unsent bytes one channel may hold before its reader is dropped as too slow. */
	maxBuffered: number;
};

export const defaultLimits: SshLimits = {
	maxSessions: 100,
	maxPerIp: 5,
	idleTimeoutMs: 600_000,
	maxDurationMs: 3_600_000,
	preAuthTimeoutMs: 20_000,
	keepaliveIntervalMs: 15_000,
	keepaliveCountMax: 3,
	maxBuffered: 1024 * 1024,
};

export type SshServerOptions = {
	hostKey: string;
	/** Undefined: anyone, any user name, no password (`none` auth). */
	authorizedKeys: readonly AuthorizedKey[] | undefined;
	limits: SshLimits;
	/** The App's services for one reader's terminal (its own colours, shared library). */
	appFor: (terminal: ClientTerminal) => SessionApp;
	/** Whether that terminal gets colour (false strips SGR on output). */
	colourFor: (terminal: ClientTerminal) => boolean;
	log: (line: string) => void;
};

export type SshServer = {
	listen: (port: number, host: string) => Promise<AddressInfo>;
	/** Takes a TCP connection accepted elsewhere (cluster workers get theirs from the primary). */
	handle: (socket: Socket) => void;
	/** Ends every session (with a message) and stops listening. */
	close: () => Promise<void>;
	stats: () => {connections: number; sessions: number};
};

const minimumTerminal: TerminalSize = {columns: 80, rows: 24};
const goodbye = {
	noPty: 'blog-tui needs a terminal: connect with plain `ssh` (or `ssh -t`), not `ssh -T`.',
	exec: 'This server only shows the blog; it runs no commands. Connect with plain `ssh` to read.',
	subsystem: 'This server only shows the blog; file transfer (sftp/scp) and other subsystems are not offered.',
	idle: 'Session closed after %s without a key press. Come back any time.',
	duration: 'Session closed: sessions last at most %s. Reconnect to keep reading.',
	shutdown: 'The blog server is restarting or shutting down. Please reconnect in a moment.',
};

function humanDuration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes >= 1) {
		return minutes === 1 ? '1 minute' : `${minutes} minutes`;
	}

	const seconds = Math.max(1, Math.round(ms / 1000));
	return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

function sizeOf(info: {cols?: number; rows?: number}): TerminalSize {
	// Some clients report 0×0 (a pty without a window); fall back to the common default.
	return {columns: info.cols && info.cols > 0 ? info.cols : minimumTerminal.columns, rows: info.rows && info.rows > 0 ? info.rows : minimumTerminal.rows};
}

/** Writes a refusal on a channel's stderr and closes it with exit status 1. */
function refuse(channel: ServerChannel, message: string): void {
	channel.on('error', () => undefined);
	channel.stderr.write(`${message}\r\n`);
	channel.exit(1);
	channel.end();
}

function socketOf(client: Connection): Socket | undefined {
	return (client as unknown as {_sock?: Socket})._sock;
}

const variablesKept = /^(?:TERM|COLORTERM|NO_COLOR|FORCE_COLOR|FORCE_HYPERLINK|COLORFGBG|TERM_PROGRAM|TERM_PROGRAM_VERSION|VTE_VERSION|KONSOLE_VERSION|WT_SESSION|LANG|LC_ALL|LC_CTYPE)$/;

/**
 * The SSH side of `blog-tui serve`: authentication, refusals of everything but a shell on a PTY,
 * caps, timeouts and logging. Each shell gets its own Ink session (see `session.tsx`).
 */
export function createSshServer(options: SshServerOptions): SshServer {
	const {limits} = options;
	const tally = new SessionTally();
	const sockets = new Set<Socket>();
	const preAuth = new Map<Socket, NodeJS.Timeout>();
	const endings = new Set<(message: string) => void>();
	let sessionModule: Promise<typeof import('./session.js')> | undefined;
	let closing = false;

	// Ink (and React) load with the first session, so a server that only refuses stays light.
	const loadSession = () => {
		sessionModule ??= import('./session.js');
		return sessionModule;
	};

	const server = new ssh2.Server({
		hostKeys: [options.hostKey],
		ident: 'blog-tui',
		keepaliveInterval: limits.keepaliveIntervalMs,
		keepaliveCountMax: limits.keepaliveCountMax,
	}, (client, info) => {
		const ip = info.ip;
		const socket = socketOf(client);
		const connectedAt = Date.now();
		let user: string | undefined;
		let reason = 'closed by client';
		let authenticated = false;

		client.on('error', (error: Error & {level?: string}) => {
			// A keepalive timeout only ends the connection politely; a frozen client would never answer.
			reason = error.level === 'client-timeout' ? 'keepalive timeout' : `error: ${error.message}`;
			socket?.destroy();
		});

		client.on('authentication', context => {
			user = context.username;
			if (options.authorizedKeys === undefined) {
				context.accept();
				return;
			}

			if (context.method !== 'publickey') {
				context.reject(['publickey']);
				return;
			}

			const key = findAuthorizedKey(options.authorizedKeys, context.key);
			if (!key) {
				context.reject(['publickey']);
				return;
			}

			if (context.signature === undefined) {
				// The client asks whether this key would do; answering yes is not authenticating it.
				context.accept();
				return;
			}

			if (signatureValid(key, context.blob, context.signature, context.hashAlgo)) {
				context.accept();
			} else {
				context.reject(['publickey']);
			}
		});

		client.on('ready', () => {
			if (socket) {
				clearTimeout(preAuth.get(socket));
				preAuth.delete(socket);
			}

			authenticated = true;
			options.log(logLine('connect', {time: new Date(), ip, ...(user === undefined ? {} : {user})}));
		});

		client.on('close', () => {
			if (authenticated) {
				options.log(logLine('disconnect', {time: new Date(), ip, ...(user === undefined ? {} : {user}), durationMs: Date.now() - connectedAt, reason}));
			}
		});

		client.on('tcpip', (_accept, reject) => {
			reject();
		});
		client.on('openssh.streamlocal', (_accept, reject) => {
			reject();
		});
		client.on('request', (_accept, reject) => {
			// Remote forwarding (tcpip-forward, streamlocal-forward): never.
			reject?.();
		});

		// A client with no shell open (`ssh -N`, or after its session ended and it did not hang up) is let go,
		// so connections cannot be held without a session counting against the caps.
		let shells = 0;
		let unused: NodeJS.Timeout | undefined;
		const hangUp = () => {
			client.end();
			setTimeout(() => socket?.destroy(), 2000).unref();
		};

		const letGoIfUnused = () => {
			clearTimeout(unused);
			if (shells === 0) {
				unused = setTimeout(hangUp, limits.preAuthTimeoutMs);
			}
		};

		client.on('ready', letGoIfUnused);
		client.on('close', () => {
			clearTimeout(unused);
		});
		client.on('session', accept => {
			const session = accept();
			handleSession(session, ip, reasonText => {
				reason = reasonText;
			}, {
				started() {
					shells++;
					clearTimeout(unused);
				},
				ended() {
					// The shell's channel is closed both ways, so its exit status has reached the client.
					shells--;
					if (shells === 0) {
						hangUp();
					}
				},
				drop() {
					socket?.destroy();
				},
			});
		});
	});

	const handleSession = (session: Session, ip: string, setReason: (text: string) => void, shell: {started: () => void; ended: () => void; drop: () => void}) => {
		const env: Record<string, string> = {};
		let pty: {term: string; size: TerminalSize} | undefined;
		let running: InkSession | undefined;

		session.on('env', (accept, _reject, info) => {
			if (variablesKept.test(info.key)) {
				env[info.key] = info.val;
			}

			accept?.();
		});
		session.on('pty', (accept, _reject, info) => {
			pty = {term: info.term, size: sizeOf(info)};
			accept?.();
		});
		session.on('window-change', (accept, _reject, info) => {
			const size = sizeOf(info);
			if (pty) {
				pty.size = size;
			}

			running?.resize(size);
			accept?.();
		});
		session.on('x11', (_accept, reject) => {
			reject?.();
		});
		session.on('auth-agent', (_accept, reject) => {
			reject?.();
		});
		session.on('signal', accept => {
			accept?.();
		});
		session.on('exec', accept => {
			setReason('refused: exec');
			refuse(accept(), goodbye.exec);
		});
		session.on('subsystem', accept => {
			setReason('refused: subsystem');
			refuse(accept(), goodbye.subsystem);
		});
		session.on('shell', accept => {
			const channel = accept();
			channel.on('error', () => undefined);
			if (!pty) {
				setReason('refused: no pty');
				refuse(channel, goodbye.noPty);
				return;
			}

			const admission = closing ? {admitted: false as const, message: goodbye.shutdown} : admitSession(tally, limits, ip);
			if (!admission.admitted) {
				setReason('refused: busy');
				refuse(channel, admission.message);
				return;
			}

			tally.add(ip);
			shell.started();
			const terminal: ClientTerminal = {term: pty.term, env: {...env, TERM: env['TERM'] ?? pty.term}, size: pty.size};
			channel.once('close', shell.ended);
			void runShell(channel, terminal, setReason, started => {
				running = started;
			}, shell.drop).finally(() => {
				tally.remove(ip);
			});
		});
	};

	const runShell = async (channel: ServerChannel, terminal: ClientTerminal, setReason: (text: string) => void, setRunning: (session: InkSession | undefined) => void, drop: () => void) => {
		const {startInkSession} = await loadSession();
		const session = startInkSession(channel, options.appFor(terminal), {size: terminal.size, colour: options.colourFor(terminal), maxBuffered: limits.maxBuffered});
		setRunning(session);
		let idle: NodeJS.Timeout | undefined;
		const touch = () => {
			if (limits.idleTimeoutMs > 0) {
				clearTimeout(idle);
				idle = setTimeout(() => {
					session.end({reason: 'ended', why: 'idle timeout', message: goodbye.idle.replace('%s', humanDuration(limits.idleTimeoutMs))});
				}, limits.idleTimeoutMs);
			}
		};

		const lifetime = limits.maxDurationMs > 0 ? setTimeout(() => {
			session.end({reason: 'ended', why: 'max duration', message: goodbye.duration.replace('%s', humanDuration(limits.maxDurationMs))});
		}, limits.maxDurationMs) : undefined;
		const shutdown = (message: string) => {
			session.end({reason: 'ended', why: 'server shutdown', message});
		};

		endings.add(shutdown);
		touch();
		channel.on('data', (data: Buffer) => {
			touch();
			session.input(data.toString('utf8'));
		});
		channel.on('close', () => {
			session.end({reason: 'closed'});
		});

		const end = await session.ended;
		clearTimeout(idle);
		clearTimeout(lifetime);
		endings.delete(shutdown);
		setRunning(undefined);
		switch (end.reason) {
			case 'quit': {
				setReason('quit');
				break;
			}

			case 'closed': {
				setReason('closed by client');
				break;
			}

			case 'error': {
				setReason(`session error: ${end.error instanceof Error ? end.error.message : String(end.error)}`);
				break;
			}

			case 'ended': {
				setReason(end.why);
				break;
			}
		}

		if (end.reason === 'ended' && end.message === '') {
			// Too slow to read its output: nothing more can be said to it.
			drop();
		} else if (end.reason !== 'closed') {
			channel.exit(end.reason === 'quit' ? 0 : 1);
			channel.end();
		}
	};

	const handle = (socket: Socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		socket.once('close', () => {
			sockets.delete(socket);
			clearTimeout(preAuth.get(socket));
			preAuth.delete(socket);
		});
		// Connections before authentication are capped too, or a flood of idle handshakes would starve readers.
		if (closing || sockets.size > (limits.maxSessions * 2) + 10) {
			options.log(logLine('refused', {time: new Date(), ip: socket.remoteAddress ?? '?', reason: closing ? 'shutting down' : 'too many connections'}));
			socket.destroy();
			return;
		}

		// Counted from the TCP connection: ssh2 reports a client only after the version exchange,
		// so a socket that sends nothing at all would otherwise stay forever.
		preAuth.set(socket, setTimeout(() => {
			preAuth.delete(socket);
			options.log(logLine('refused', {time: new Date(), ip: socket.remoteAddress ?? '?', reason: 'not authenticated in time'}));
			socket.destroy();
		}, limits.preAuthTimeoutMs));
		socket.setNoDelay(true);
		server.injectSocket(socket);
		// A connection handed over by the cluster primary arrives paused.
		socket.resume();
	};

	const listener = net.createServer({pauseOnConnect: false}, handle);
	listener.on('error', error => {
		options.log(`${new Date().toISOString()} server error: ${error.message}`);
	});

	return {
		listen: (port, host) => new Promise((resolve, reject) => {
			listener.once('error', reject);
			listener.listen(port, host, () => {
				listener.off('error', reject);
				resolve(listener.address() as AddressInfo);
			});
		}),
		handle,
		async close() {
			closing = true;
			for (const end of [...endings]) {
				end(goodbye.shutdown);
			}

			await new Promise<void>(resolve => {
				listener.close(() => {
					resolve();
				});
				if (!listener.listening) {
					resolve();
				}
			});
			// Give the goodbye messages a moment to leave, then drop whatever is left.
			await new Promise(resolve => setTimeout(resolve, sockets.size > 0 ? 200 : 0));
			for (const socket of sockets) {
				socket.destroy();
			}
		},
		stats: () => ({connections: sockets.size, sessions: tally.total}),
	};
}
