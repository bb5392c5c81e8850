import {StringDecoder} from 'node:string_decoder';
import type {Rgb} from '../render/colour.js';
import {backgroundQuery, readBackgroundReplies} from './background-reply.js';
import {detectTheme, type Env} from './terminal-capabilities.js';

/** The part of a terminal's input stream the question needs: a local tty or an SSH channel. */
export type ReplyInput = {
	on: (event: 'readable', listener: () => void) => unknown;
	removeListener: (event: 'readable', listener: () => void) => unknown;
	read: () => string | Buffer | null;
	unshift: (chunk: Buffer) => void;
	isRaw?: boolean;
	setRawMode?: (raw: boolean) => unknown;
};

// Replies are a few dozen bytes: more than this is someone pasting or flooding, and the answer is not in it.
const maxReplyBytes = 1024;

/** How long a terminal gets to answer: one round trip on a slow SSH link, and unnoticeable when it does not. */
export const backgroundTimeoutMs = 100;

/**
 * Asks the terminal behind `input`/`output` for its background colour and waits for the answer at
 * most `timeoutMs`. Reads in paused mode and puts back whatever else arrived (keys typed meanwhile),
 * so the app that reads `input` next gets those keys and never the replies. Undefined when the
 * terminal did not say.
 */
export async function askBackground(input: ReplyInput, output: {write: (text: string) => unknown}, timeoutMs = backgroundTimeoutMs): Promise<Rgb | undefined> {
	const wasRaw = input.isRaw;
	// Raw, so the line discipline neither echoes the reply onto the screen nor holds it until Enter.
	input.setRawMode?.(true);
	const decoder = new StringDecoder('utf8');
	let received = '';
	return new Promise(resolve => {
		let timer: NodeJS.Timeout | undefined;
		const finish = () => {
			clearTimeout(timer);
			input.removeListener('readable', onReadable);
			const {background, rest} = readBackgroundReplies(received);
			if (rest !== '') {
				input.unshift(Buffer.from(rest, 'utf8'));
			}

			if (wasRaw === false) {
				input.setRawMode?.(false);
			}

			resolve(background);
		};

		function onReadable(): void {
			let chunk;
			while ((chunk = input.read()) !== null) {
				received += typeof chunk === 'string' ? chunk : decoder.write(chunk);
			}

			if (received.length > maxReplyBytes || readBackgroundReplies(received).done) {
				finish();
			}
		}

		timer = setTimeout(finish, timeoutMs);
		input.on('readable', onReadable);
		output.write(backgroundQuery);
	});
}

/** `--theme auto` on a terminal: what it answers, else `COLORFGBG`, else dark. */
export async function askTheme(input: ReplyInput, output: {write: (text: string) => unknown}, env: Env, timeoutMs = backgroundTimeoutMs): Promise<'dark' | 'light'> {
	return detectTheme(env, await askBackground(input, output, timeoutMs));
}
