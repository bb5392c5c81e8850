import assert from 'node:assert/strict';
import path from 'node:path';
import {PassThrough, Writable} from 'node:stream';
import {test} from 'node:test';
import type {GlobalOptions} from '../../source/cli/global-options.js';
import {readCommand} from '../../source/cli/read-command.js';
import '../render/grammars.js';

const posts = path.resolve('posts');
const options = (theme: GlobalOptions['theme']): GlobalOptions => ({theme, width: 70, extensions: ['md'], color: true, watch: false, state: false, cache: false, drafts: false});

/** `read keys` with stdout a 256-colour terminal; `background` is what the terminal on stdin answers, if it is one. */
async function read(theme: GlobalOptions['theme'], terminal: {tty: boolean; background?: string}): Promise<{text: string; asked: boolean}> {
	const stdin = Object.assign(new PassThrough(), {isTTY: terminal.tty, isRaw: false, setRawMode: () => stdin});
	let text = '';
	let asked = false;
	const stdout = Object.assign(new Writable({
		write(chunk: Buffer, _encoding, callback) {
			const written = chunk.toString();
			if (written.includes('\u001B]11;?')) {
				asked = true;
				if (terminal.background) {
					stdin.write(`\u001B]11;${terminal.background}\u001B\\\u001B[?62;22c`);
				}
			} else {
				text += written;
			}

			callback();
		},
	}), {isTTY: true, columns: 80});
	await readCommand({target: 'keys', dir: posts, bundledPosts: posts, stdin}, options(theme), {stdout, stderr: new PassThrough(), env: {TERM: 'xterm-256color'}, cwd: process.cwd()});
	return {text, asked};
}

test('read --theme auto on a terminal asks it: a white one gets the light theme, a black one the dark', async () => {
	const light = await read('light', {tty: true});
	const dark = await read('dark', {tty: true});
	assert.notEqual(light.text, dark.text);
	const white = await read('auto', {tty: true, background: 'rgb:ffff/ffff/ffff'});
	assert.ok(white.asked);
	assert.equal(white.text, light.text);
	assert.equal((await read('auto', {tty: true, background: 'rgb:0000/0000/0000'})).text, dark.text);
});

test('read asks nothing when the keyboard side is not a terminal, or the theme is given', async () => {
	const piped = await read('auto', {tty: false, background: 'rgb:ffff/ffff/ffff'});
	assert.equal(piped.asked, false);
	assert.equal(piped.text, (await read('dark', {tty: true})).text);
	assert.equal((await read('light', {tty: true, background: 'rgb:0000/0000/0000'})).asked, false);
});
