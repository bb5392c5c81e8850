import {EventEmitter} from 'node:events';
import {Writable} from 'node:stream';
import {clampTerminalSize, type TerminalSize} from '../terminal/terminal-size.js';

/** The part of an ssh2 channel the adapters use, so tests can pass a plain stream. */
export type ChannelLike = {
	write: (data: string) => boolean;
	readonly writableLength: number;
};

// Only SGR (colour and style) is removed for a colourless client: cursor movement and erasing stay,
// they are what Ink redraws with.
const sgr = /\u001B\[[\d;:]*m/g;

/** Output as a client's terminal sees it: `\n` → `\r\n` (the server has no line discipline), no SGR at level 0. */
export function toClientText(text: string, colour: boolean): string {
	const plain = colour ? text : text.replaceAll(sgr, '');
	return plain.replaceAll(/\r?\n/g, '\r\n');
}

export type TtyOutputOptions = {
	size: TerminalSize;
	colour: boolean;
	/** Bytes the channel may hold unsent before the session is given up as too slow to follow. */
	maxBuffered: number;
	onOverflow: () => void;
};

/**
 * Ink's stdout for one SSH channel: looks like a TTY of the client's size, emits `resize` when the
 * client's window changes, and never lets unsent output grow past `maxBuffered` (a client that stops
 * reading is dropped rather than buffered for).
 */
export class TtyOutput extends Writable {
	readonly isTTY = true;
	columns: number;
	rows: number;
	private readonly channel: ChannelLike;
	private readonly options: TtyOutputOptions;
	private overflowed = false;

	constructor(channel: ChannelLike, options: TtyOutputOptions) {
		super({decodeStrings: false});
		this.channel = channel;
		this.options = options;
		const size = clampTerminalSize(options.size.columns, options.size.rows);
		this.columns = size.columns;
		this.rows = size.rows;
	}

	/** Sizes are cut down to what anyone is laid out for: Ink reads `columns`, whatever the UI does. */
	resize(size: TerminalSize): void {
		const {columns, rows} = clampTerminalSize(size.columns, size.rows);
		if (columns === this.columns && rows === this.rows) {
			return;
		}

		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}

	/** Writes straight to the client (alternate screen, goodbye messages), with the same conversion. */
	send(text: string): void {
		if (!this.overflowed) {
			this.channel.write(toClientText(text, true));
		}
	}

	override _write(chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		if (this.overflowed) {
			callback();
			return;
		}

		if (this.channel.writableLength > this.options.maxBuffered) {
			this.overflowed = true;
			this.options.onOverflow();
			callback();
			return;
		}

		this.channel.write(toClientText(String(chunk), this.options.colour));
		callback();
	}
}

/**
 * Ink's stdin for one SSH channel: the few members Ink uses (`isTTY`, raw mode, `readable` + `read`).
 * Keys are delivered synchronously inside `push`, so an exception thrown by a key handler reaches the
 * caller (and ends that session) instead of becoming an uncaught exception that stops the server.
 */
export class TtyInput extends EventEmitter {
	readonly isTTY = true;
	private pending: string[] = [];

	setRawMode(): this {
		return this;
	}

	setEncoding(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}

	read(): string | null {
		if (this.pending.length === 0) {
			return null;
		}

		const text = this.pending.join('');
		this.pending = [];
		return text;
	}

	push(text: string): void {
		this.pending.push(text);
		this.emit('readable');
	}
}
