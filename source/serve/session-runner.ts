import {StringDecoder} from 'node:string_decoder';
import type {ServerChannel} from 'ssh2';
import type {TerminalSize} from '../terminal/terminal-size.js';
import type {FramePacer} from './frame-pacer.js';
import {cutInput, InputBudget} from './input-budget.js';
import type {InkSession, SessionApp, startInkSession} from './session.js';

/** What a client told us about its terminal: pty size and type, and the variables it sent. */
export type ClientTerminal = {term: string; env: Record<string, string>; size: TerminalSize};

export type SessionRunLimits = {
	/** 0 = never. */
	idleTimeoutMs: number;
	/** 0 = no limit. */
	maxDurationMs: number;
	/** Unsent bytes one channel may hold before its reader is dropped as too slow. */
	maxBuffered: number;
	/** Keyboard input handled per second on average; beyond it (and the burst) input is dropped. */
	inputPerSecond: number;
	/** Keyboard input handled at once (a paste). */
	inputBurst: number;
	/** Window changes are drawn at most once per this interval, at the latest size. */
	resizeIntervalMs: number;
	/** …and after a resize to C×R cells, not again for C×R / this many ms (1000×500 at 100: 5 s). */
	resizeCellsPerMs: number;
};

/** Everything one shell session needs from the server, so the runner knows nothing of ssh2's connection. */
export type SessionContext = {
	channel: ServerChannel;
	terminal: ClientTerminal;
	app: SessionApp;
	colour: boolean;
	limits: SessionRunLimits;
	/** The server's drawing time, shared by every session: a big screen's first frame, keys and resizes wait their turn. */
	pacer: FramePacer;
	/** Loads Ink with the first session, so a server that only refuses stays light. */
	loadInk: () => Promise<typeof startInkSession>;
	/** Registers what to do at server shutdown; returns its removal. */
	onShutdown: (end: (message: string) => void) => () => void;
	/** The reason the disconnect log line will give. */
	setReason: (text: string) => void;
	/** Told once per session, the first time its input goes over the budget. */
	inputDropped: () => void;
	/** Drops the connection without a word (the client stopped reading). */
	drop: () => void;
};

export type SessionHandle = {
	/** A window change: drawn at most once per `resizeIntervalMs` (longer for big screens), at the latest size. */
	resize: (size: TerminalSize) => void;
	/** Settles when the session is over and its channel told so. */
	done: Promise<void>;
};

const goodbye = {
	idle: 'Session closed after %s without a key press. Come back any time.',
	duration: 'Session closed: sessions last at most %s. Reconnect to keep reading.',
};

export function humanDuration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes >= 1) {
		return minutes === 1 ? '1 minute' : `${minutes} minutes`;
	}

	const seconds = Math.max(1, Math.round(ms / 1000));
	return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

function reasonOf(end: Awaited<InkSession['ended']>): string {
	switch (end.reason) {
		case 'quit': {
			return 'quit';
		}

		case 'closed': {
			return 'closed by client';
		}

		case 'error': {
			return `session error: ${end.error instanceof Error ? end.error.message : String(end.error)}`;
		}

		case 'ended': {
			return end.why;
		}
	}
}

/**
 * Runs one reader's shell: the Ink session on the channel, its idle and duration timeouts, its input
 * budget and paced resizes, and how the channel is closed when it ends.
 */
export function runSession(context: SessionContext): SessionHandle {
	const {channel, limits} = context;
	let session: InkSession | undefined;
	let size = context.terminal.size;
	let resizeTimer: NodeJS.Timeout | undefined;
	let lastResize = Number.NEGATIVE_INFINITY;
	let over = false;
	let pause = limits.resizeIntervalMs;
	const cells = () => size.columns * size.rows;
	const applyResize = () => {
		// Before the session starts its first frame takes the latest size, in its own turn.
		const turn = session ? context.pacer.waitFor(cells()) : 0;
		if (turn > 0) {
			resizeTimer = setTimeout(applyResize, turn);
			return;
		}

		resizeTimer = undefined;
		if (session) {
			context.pacer.starting(cells());
		}

		lastResize = Date.now();
		// A frame's cost grows with its area (about a second of CPU for 1000×500): a big screen waits longer for the next resize.
		pause = Math.max(limits.resizeIntervalMs, size.columns * size.rows / limits.resizeCellsPerMs);
		session?.resize(size);
	};

	const resize = (next: TerminalSize) => {
		size = next;
		if (resizeTimer === undefined && !over) {
			resizeTimer = setTimeout(applyResize, Math.max(0, lastResize + pause - Date.now()));
		}
	};

	const done = (async () => {
		let closed = false;
		channel.once('close', () => {
			closed = true;
		});
		const start = await context.loadInk();
		for (let turn = context.pacer.waitFor(cells()); turn > 0 && !closed; turn = context.pacer.waitFor(cells())) {
			await new Promise(resolve => {
				setTimeout(resolve, turn);
			});
		}

		if (closed) {
			over = true;
			clearTimeout(resizeTimer);
			context.setReason('closed by client');
			return;
		}

		context.pacer.starting(cells());
		const started = start(channel, context.app, {size, colour: context.colour, maxBuffered: limits.maxBuffered, onFrame: ms => context.pacer.drawn(cells(), ms)});
		session = started;
		let idle: NodeJS.Timeout | undefined;
		const touch = () => {
			if (limits.idleTimeoutMs > 0) {
				clearTimeout(idle);
				idle = setTimeout(() => {
					started.end({reason: 'ended', why: 'idle timeout', message: goodbye.idle.replace('%s', humanDuration(limits.idleTimeoutMs))});
				}, limits.idleTimeoutMs);
			}
		};

		const lifetime = limits.maxDurationMs > 0 ? setTimeout(() => {
			started.end({reason: 'ended', why: 'max duration', message: goodbye.duration.replace('%s', humanDuration(limits.maxDurationMs))});
		}, limits.maxDurationMs) : undefined;
		const removeShutdown = context.onShutdown(message => {
			started.end({reason: 'ended', why: 'server shutdown', message});
		});
		const budget = new InputBudget(limits.inputPerSecond, limits.inputBurst);
		const decoder = new StringDecoder('utf8');
		let dropped = false;
		// Keys that came before this session's turn to draw, handed over together when it comes.
		let held = '';
		let heldTimer: NodeJS.Timeout | undefined;
		const hand = () => {
			const turn = context.pacer.waitFor(cells());
			heldTimer = turn > 0 ? setTimeout(hand, turn) : undefined;
			if (turn === 0) {
				const keys = held;
				held = '';
				context.pacer.starting(cells());
				started.input(keys);
			}
		};

		touch();
		channel.on('data', (data: Buffer) => {
			touch();
			const text = decoder.write(data);
			const taken = budget.take(text.length, Date.now());
			if (taken < text.length && !dropped) {
				dropped = true;
				context.inputDropped();
			}

			const kept = cutInput(text, taken);
			if (kept !== '') {
				held += kept;
				if (heldTimer === undefined) {
					hand();
				}
			}
		});
		channel.on('close', () => {
			started.end({reason: 'closed'});
		});

		const end = await started.ended;
		over = true;
		clearTimeout(idle);
		clearTimeout(lifetime);
		clearTimeout(resizeTimer);
		clearTimeout(heldTimer);
		removeShutdown();
		session = undefined;
		context.setReason(reasonOf(end));
		if (end.reason === 'ended' && end.message === '') {
			// Too slow to read its output: nothing more can be said to it.
			context.drop();
		} else if (end.reason !== 'closed') {
			channel.exit(end.reason === 'quit' ? 0 : 1);
			channel.end();
		}
	})();
	return {resize, done};
}
