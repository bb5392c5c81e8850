import assert from 'node:assert/strict';
import {PassThrough, Writable} from 'node:stream';
import {mock, test} from 'node:test';
import {askBackground, askTheme} from '../../source/terminal/ask-background.js';

/** A terminal: its keyboard stream in raw mode or not, and a screen that may answer what is written to it. */
function fakeTerminal(answer: ((query: string) => string) | undefined, typedBefore = '') {
	const input = Object.assign(new PassThrough(), {
		isRaw: false,
		modes: [] as boolean[],
		setRawMode(raw: boolean) {
			input.isRaw = raw;
			input.modes.push(raw);
			return input;
		},
	});
	const written: string[] = [];
	const output = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			written.push(chunk.toString());
			if (typedBefore !== '') {
				input.write(typedBefore);
			}

			const reply = answer?.(chunk.toString());
			if (reply) {
				// In two pieces, as a slow link delivers it.
				input.write(reply.slice(0, 7));
				setImmediate(() => input.write(reply.slice(7)));
			}

			callback();
		},
	});
	return {input, output, written};
}

/** What an app reading the stream afterwards gets. */
function readLater(input: PassThrough): Promise<string> {
	return new Promise(resolve => {
		let text = '';
		const read = () => {
			let chunk;
			while ((chunk = input.read() as Buffer | null) !== null) {
				text += chunk.toString();
			}
		};

		input.on('readable', read);
		setImmediate(() => {
			read();
			resolve(text);
		});
	});
}

test('a terminal that answers: its colour, the replies kept from the keys, the keys typed meanwhile kept, raw mode restored', async () => {
	const terminal = fakeTerminal(() => '\u001B]11;rgb:ffff/ffff/ffff\u001B\\\u001B[?64;1;2;6;22c', 'jj');
	const theme = await askTheme(terminal.input, terminal.output, {});
	assert.equal(theme, 'light');
	assert.deepEqual(terminal.written, ['\u001B]11;?\u0007\u001B[c']);
	assert.deepEqual(terminal.input.modes, [true, false], 'raw while asking (no echo of the reply), then as it was');
	terminal.input.write('q');
	assert.equal(await readLater(terminal.input), 'jjq');
});

test('a terminal that does not answer: undefined after 100 ms, and COLORFGBG or dark decides; nothing is taken from the keys', async () => {
	mock.timers.enable({apis: ['setTimeout']});
	try {
		const terminal = fakeTerminal(undefined, 'k');
		let settled: string | undefined;
		const asked = askBackground(terminal.input, terminal.output).then(background => {
			settled = background === undefined ? 'none' : 'colour';
		});
		await new Promise(resolve => setImmediate(resolve));
		mock.timers.tick(99);
		await new Promise(resolve => setImmediate(resolve));
		assert.equal(settled, undefined, 'still waiting at 99 ms');
		mock.timers.tick(1);
		await asked;
		assert.equal(settled, 'none');
		assert.equal(await readLater(terminal.input), 'k');
		const silent = fakeTerminal(undefined);
		const theme = askTheme(silent.input, silent.output, {COLORFGBG: '0;15'});
		await new Promise(resolve => setImmediate(resolve));
		mock.timers.tick(100);
		assert.equal(await theme, 'light', 'COLORFGBG');
		const dark = fakeTerminal(undefined);
		const fallback = askTheme(dark.input, dark.output, {});
		await new Promise(resolve => setImmediate(resolve));
		mock.timers.tick(100);
		assert.equal(await fallback, 'dark');
	} finally {
		mock.timers.reset();
	}
});

test('a terminal that knows DA1 only is done at its reply, without waiting for the timeout', async () => {
	mock.timers.enable({apis: ['setTimeout']});
	try {
		const terminal = fakeTerminal(() => '\u001B[?1;2c');
		assert.equal(await askBackground(terminal.input, terminal.output), undefined);
		assert.equal(await readLater(terminal.input), '');
	} finally {
		mock.timers.reset();
	}
});

test('a flood instead of an answer ends the question at once and goes on to the app as typed', async () => {
	mock.timers.enable({apis: ['setTimeout']});
	try {
		const flood = 'x'.repeat(5000);
		const terminal = fakeTerminal(() => flood);
		assert.equal(await askBackground(terminal.input, terminal.output), undefined);
		assert.equal(await readLater(terminal.input), flood);
	} finally {
		mock.timers.reset();
	}
});
