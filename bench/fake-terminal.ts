import {EventEmitter} from 'node:events';

/** Everything written to the fake terminal, stamped, so key → frame latency can be read off. */
export type Write = {at: number; bytes: number; /** Only when asked for (`keepText`): what was written. */ text?: string};

/** A stdout that looks like a terminal of a fixed size to Ink and records each write. */
export class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	readonly writes: Write[] = [];

	keepText = false;

	constructor(readonly columns: number, readonly rows: number) {
		super();
	}

	write(data: string | Uint8Array): boolean {
		const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
		this.writes.push({at: performance.now(), bytes: Buffer.byteLength(text), ...(this.keepText ? {text} : {})});
		return true;
	}

	// Ink asks for these on a real TTY stream.
	hasColors(): boolean {
		return true;
	}

	getColorDepth(): number {
		return 24;
	}

	cursorTo(): boolean {
		return true;
	}

	moveCursor(): boolean {
		return true;
	}

	clearLine(): boolean {
		return true;
	}

	clearScreenDown(): boolean {
		return true;
	}
}

/** A stdin in raw mode that hands Ink one chunk per `press`, as a terminal does for a keystroke. */
export class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private pending: string | null = null;

	press(data: string): void {
		this.pending = data;
		this.emit('readable');
		this.emit('data', data);
	}

	read(): string | null {
		const data = this.pending;
		this.pending = null;
		return data;
	}

	setEncoding(): this {
		return this;
	}

	setRawMode(): this {
		return this;
	}

	resume(): this {
		return this;
	}

	pause(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}
}
