// CSI (cursor, colour), OSC (titles, links; ended by BEL or ST) and the two-character escapes.
const escapeSequence = /\u001B(?:\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?|\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|[\u0020-\u007E]?)/g;

/** `text` without terminal escape sequences. */
export function withoutEscapes(text: string): string {
	return text.replaceAll(escapeSequence, '');
}

/**
 * Makes a stream that is not a terminal (the server's log: a file, a pipe, journald) take no escape
 * sequences from anyone. The server's own lines carry none; this is for libraries that assume a
 * terminal: Ink's cursor restore writes `ESC[?25h` to stderr when the process exits.
 */
export function keepPlain(stream: NodeJS.WriteStream): void {
	if (stream.isTTY) {
		return;
	}

	const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
	stream.write = ((chunk: unknown, ...rest: unknown[]) => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
		return write(withoutEscapes(text), ...rest);
	}) as typeof stream.write;
}
