import net, {type AddressInfo, type Socket} from 'node:net';
import ssh2, {type Connection, type ServerChannel, type Session} from 'ssh2';
import type {Rgb} from '../render/colour.js';
import {askBackground, backgroundTimeoutMs} from '../terminal/ask-background.js';
import {clampTerminalSize, type TerminalSize} from '../terminal/terminal-size.js';
import {terminalSafeJson} from '../terminal/terminal-safe-json.js';
import {decideAuthentication} from './authenticate.js';
import type {AuthorizedKey} from './authorized-keys.js';
import {clientNetwork} from './client-network.js';
import {type ConnectionCaps, connectionCaps, ConnectionGuard} from './connection-guard.js';
import {LogThrottle} from './log-throttle.js';
import type {SessionApp} from './session.js';
import {admitSession, logLine, SessionTally} from './session-limits.js';
import {FramePacer} from './frame-pacer.js';
import {type ClientTerminal, runSession, type SessionHandle, type SessionRunLimits} from './session-runner.js';

export type {ClientTerminal} from './session-runner.js';

export type SshLimits = SessionRunLimits & {
	maxSessions: number;
	maxPerIp: number;
	/** From TCP connect to authenticated. */
	preAuthTimeoutMs: number;
	keepaliveIntervalMs: number;
	keepaliveCountMax: number;
	/** Connection caps; by default they follow from `maxSessions` and `maxPerIp` (see `connectionCaps`). */
	connections?: ConnectionCaps;
	/** Alike log lines (refusals) written per `logIntervalMs` before the rest are summed up. */
	logBurst: number;
	logIntervalMs: number;
	/** How long a client's terminal gets to say its background (OSC 11) before its session starts without. */
	backgroundTimeoutMs: number;
};

export const defaultLimits: SshLimits = {
	maxSessions: 100,
	maxPerIp: 5,
	idleTimeoutMs: 600_000,
	maxDurationMs: 3_600_000,
	preAuthTimeoutMs: 20_000,
	backgroundTimeoutMs,
	keepaliveIntervalMs: 15_000,
	keepaliveCountMax: 3,
	maxBuffered: 1024 * 1024,
	inputPerSecond: 1024,
	inputBurst: 4096,
	resizeIntervalMs: 250,
	resizeCellsPerMs: 100,
	logBurst: 10,
	logIntervalMs: 10_000,
};

export type SshServerOptions = {
	hostKey: string;
	/** Undefined: anyone, any user name, no password (`none` auth). */
	authorizedKeys: readonly AuthorizedKey[] | undefined;
	limits: SshLimits;
	/** The App's services for one reader's terminal (its own colours, shared library), given the background it reported. */
	appFor: (terminal: ClientTerminal, background: Rgb | undefined) => SessionApp;
	/** Whether to ask that terminal for its background (OSC 11) before its session starts; default never. */
	asksBackground?: (terminal: ClientTerminal) => boolean;
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

const goodbye = {
	noPty: 'blog-tui needs a terminal: connect with plain `ssh` (or `ssh -t`), not `ssh -T`.',
	exec: 'This server only shows the blog; it runs no commands. Connect with plain `ssh` to read.',
	subsystem: 'This server only shows the blog; file transfer (sftp/scp) and other subsystems are not offered.',
	shutdown: 'The blog server is restarting or shutting down. Please reconnect in a moment.',
};

/** Writes a refusal on a channel's stderr and closes it with exit status 1. */
function refuse(channel: ServerChannel, message: string): void {
	channel.on('error', () => undefined);
	channel.stderr.write(`${message}\r\n`);
	channel.exit(1);
	channel.end();
}

/**
 * Answers a shell, exec or subsystem request on a channel that already runs one with a failure. ssh2
 * itself answers nothing then (its accept and reject both do nothing once a channel is open), which
 * would leave a client waiting for the reply.
 */
function refuseSecondRequest(client: Connection, session: Session, reject: (() => void) | undefined): void {
	if (reject === undefined) {
		return;
	}

	const protocol = (client as unknown as {_protocol?: {channelFailure?: (id: number) => void}})._protocol;
	const id = (session as unknown as {_chanInfo?: {outgoing?: {id?: number}}})._chanInfo?.outgoing?.id;
	if (id !== undefined) {
		protocol?.channelFailure?.(id);
	}
}

function socketOf(client: Connection): Socket | undefined {
	return (client as unknown as {_sock?: Socket})._sock;
}

const variablesKept = /^(?:TERM|COLORTERM|NO_COLOR|FORCE_COLOR|FORCE_HYPERLINK|COLORFGBG|TERM_PROGRAM|TERM_PROGRAM_VERSION|VTE_VERSION|KONSOLE_VERSION|WT_SESSION|LANG|LC_ALL|LC_CTYPE)$/;

/**
 * The SSH side of `blog-tui serve`: authentication (`authenticate.ts`), connection caps
 * (`connection-guard.ts`), refusals of everything but one shell on a PTY, session caps and logging.
 * Each shell is run by `session-runner.ts` in its own Ink session (`session.tsx`).
 */
// Big frames (50 ms of layout or more: about 130×130 cells and up) together take at most 30% of the
// time, in turns; the rest stays for handshakes, keys and small screens.
const framePacing = {share: 0.3, smallMs: 50};

export function createSshServer(options: SshServerOptions): SshServer {
	const {limits} = options;
	const tally = new SessionTally();
	const pacer = new FramePacer(framePacing);
	const guard = new ConnectionGuard(limits.connections ?? connectionCaps(limits.maxSessions, limits.maxPerIp));
	const throttle = new LogThrottle(limits.logIntervalMs, limits.logBurst);
	const sockets = new Set<Socket>();
	const preAuth = new Map<Socket, {timer: NodeJS.Timeout; authenticated: () => void}>();
	const endings = new Set<(message: string) => void>();
	let sessionModule: Promise<typeof import('./session.js')> | undefined;
	let closing = false;

	const loadInk = async () => {
		sessionModule ??= import('./session.js');
		return (await sessionModule).startInkSession;
	};

	/** Refusals come in floods during an attack: a few are written per interval, the rest summed up. */
	const logRefusal = (ip: string, reason: string) => {
		const now = Date.now();
		const {write, held} = throttle.admit(reason, now);
		if (held > 0) {
			options.log(logLine('refused', {time: new Date(now), ip: 'various', reason, held}));
		}

		if (write) {
			options.log(logLine('refused', {time: new Date(now), ip, reason}));
		}
	};

	const summary = setInterval(() => {
		const now = Date.now();
		for (const {kind, held} of throttle.due(now)) {
			options.log(logLine('refused', {time: new Date(now), ip: 'various', reason: kind, held}));
		}
	}, limits.logIntervalMs);
	summary.unref();

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
		const who = () => ({time: new Date(), ip, ...(user === undefined ? {} : {user})});

		client.on('error', (error: Error & {level?: string}) => {
			// A keepalive timeout only ends the connection politely; a frozen client would never answer.
			reason = error.level === 'client-timeout' ? 'keepalive timeout' : `error: ${error.message}`;
			socket?.destroy();
		});

		client.on('authentication', context => {
			user = context.username;
			const decision = decideAuthentication(context as Parameters<typeof decideAuthentication>[0], options.authorizedKeys);
			if (decision === 'reject') {
				context.reject(['publickey']);
			} else {
				context.accept();
			}
		});

		client.on('ready', () => {
			if (socket) {
				const waiting = preAuth.get(socket);
				clearTimeout(waiting?.timer);
				waiting?.authenticated();
				preAuth.delete(socket);
			}

			authenticated = true;
			options.log(logLine('connect', who()));
		});

		client.on('close', () => {
			if (authenticated) {
				options.log(logLine('disconnect', {...who(), durationMs: Date.now() - connectedAt, reason}));
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
			handleSession(client, accept(), ip, reasonText => {
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
				inputDropped() {
					const kind = 'keyboard input over the budget dropped';
					if (throttle.admit(kind, Date.now()).write) {
						options.log(logLine('refused', {...who(), reason: kind}));
					}
				},
			});
		});
	});

	type ShellEvents = {started: () => void; ended: () => void; drop: () => void; inputDropped: () => void};

	const handleSession = (client: Connection, session: Session, ip: string, setReason: (text: string) => void, shell: ShellEvents) => {
		const network = clientNetwork(ip);
		const env: Record<string, string> = {};
		let pty: {term: string; size: TerminalSize} | undefined;
		let running: SessionHandle | undefined;
		// One shell, exec or subsystem per channel: ssh2 hands out no second channel for a second request.
		let taken = false;
		const once = (request: string, reject: (() => void) | undefined): boolean => {
			if (taken) {
				setReason(`refused: second ${request} request`);
				refuseSecondRequest(client, session, reject);
				return false;
			}

			taken = true;
			return true;
		};

		session.on('env', (accept, _reject, info) => {
			if (variablesKept.test(info.key)) {
				env[info.key] = info.val;
			}

			accept?.();
		});
		session.on('pty', (accept, _reject, info) => {
			pty = {term: info.term, size: clampTerminalSize(info.cols, info.rows)};
			accept?.();
		});
		session.on('window-change', (accept, _reject, info) => {
			const size = clampTerminalSize(info.cols, info.rows);
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
		session.on('exec', (accept, reject) => {
			if (once('exec', reject)) {
				setReason('refused: exec');
				refuse(accept(), goodbye.exec);
			}
		});
		session.on('subsystem', (accept, reject) => {
			if (once('subsystem', reject)) {
				setReason('refused: subsystem');
				refuse(accept(), goodbye.subsystem);
			}
		});
		session.on('shell', (accept, reject) => {
			if (!once('shell', reject)) {
				return;
			}

			const channel = accept();
			channel.on('error', () => undefined);
			if (!pty) {
				setReason('refused: no pty');
				refuse(channel, goodbye.noPty);
				return;
			}

			const admission = closing ? {admitted: false as const, message: goodbye.shutdown} : admitSession(tally, limits, network);
			if (!admission.admitted) {
				setReason('refused: busy');
				refuse(channel, admission.message);
				return;
			}

			tally.add(network);
			shell.started();
			const terminal: ClientTerminal = {term: pty.term, env: {...env, TERM: env['TERM'] ?? pty.term}, size: pty.size};
			channel.once('close', shell.ended);
			if (!options.asksBackground?.(terminal)) {
				startSession(channel, terminal, undefined);
				return;
			}

			// Asked before the session reads the channel, so the reply is never taken as keys.
			let gone = false;
			channel.once('close', () => {
				gone = true;
			});
			void askBackground(channel, channel, limits.backgroundTimeoutMs).then(background => {
				if (gone) {
					tally.remove(network);
				} else if (closing) {
					setReason('refused: shutting down');
					tally.remove(network);
					refuse(channel, goodbye.shutdown);
				} else {
					// The size as it is now: the window may have changed while the question was out.
					startSession(channel, {...terminal, size: pty?.size ?? terminal.size}, background);
				}
			});
		});

		function startSession(channel: ServerChannel, terminal: ClientTerminal, background: Rgb | undefined): void {
			const app = options.appFor(terminal, background);
			running = runSession({
				channel,
				terminal,
				app,
				colour: options.colourFor(terminal),
				limits,
				pacer,
				loadInk,
				onShutdown(end) {
					endings.add(end);
					return () => endings.delete(end);
				},
				setReason,
				inputDropped: shell.inputDropped,
				drop: shell.drop,
			});
			void running.done.finally(() => {
				running = undefined;
				app.release?.();
				tally.remove(network);
			});
		}
	};

	const handle = (socket: Socket) => {
		sockets.add(socket);
		socket.on('error', () => undefined);
		const ip = socket.remoteAddress ?? '?';
		// Connections before authentication are capped in all and per address, or a flood of idle
		// handshakes from one place would starve every reader.
		const verdict = closing ? {admitted: false as const, reason: 'shutting down'} : guard.admit(clientNetwork(ip));
		if (!verdict.admitted) {
			socket.once('close', () => sockets.delete(socket));
			logRefusal(ip, verdict.reason);
			socket.destroy();
			return;
		}

		socket.once('close', () => {
			sockets.delete(socket);
			clearTimeout(preAuth.get(socket)?.timer);
			preAuth.delete(socket);
			verdict.ticket.closed();
		});
		// Counted from the TCP connection: ssh2 reports a client only after the version exchange,
		// so a socket that sends nothing at all would otherwise stay forever.
		preAuth.set(socket, {
			timer: setTimeout(() => {
				preAuth.delete(socket);
				logRefusal(ip, 'not authenticated in time');
				socket.destroy();
			}, limits.preAuthTimeoutMs),
			authenticated: verdict.ticket.authenticated,
		});
		socket.setNoDelay(true);
		server.injectSocket(socket);
		// A connection handed over by the cluster primary arrives paused.
		socket.resume();
	};

	const listener = net.createServer({pauseOnConnect: false}, handle);
	listener.on('error', error => {
		options.log(`${new Date().toISOString()} server error: ${terminalSafeJson(error.message)}`);
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
			clearInterval(summary);
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
