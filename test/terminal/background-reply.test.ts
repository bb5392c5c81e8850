import assert from 'node:assert/strict';
import {test} from 'node:test';
import {backgroundQuery, isLight, readBackgroundReplies} from '../../source/terminal/background-reply.js';
import {detectTheme} from '../../source/terminal/terminal-capabilities.js';

// Replies as real terminals send them: xterm (16-bit, ST), urxvt (BEL; rgba with alpha), 8-bit
// components, and the DA1 answers of xterm, VTE and tmux.
test('reads the background from OSC 11 replies in the shapes terminals send', () => {
	assert.equal(backgroundQuery, '\u001B]11;?\u0007\u001B[c');
	const cases: Array<[string, [number, number, number]]> = [
		['\u001B]11;rgb:ffff/ffff/ffff\u001B\\\u001B[?64;1;2;6;9;15;18;21;22c', [255, 255, 255]],
		['\u001B]11;rgb:1e1e/1e1e/2e2e\u0007\u001B[?65;1;9c', [30, 30, 46]],
		['\u001B]11;rgba:fdfd/f6f6/e3e3/c000\u0007\u001B[?1;2c', [253, 246, 227]],
		['\u001B]11;rgb:00/2b/36\u001B\\\u001B[?62;22c', [0, 43, 54]],
		['\u001B]11;RGB:F/F/F\u0007\u001B[?1;2c', [255, 255, 255]],
	];
	for (const [reply, rgb] of cases) {
		assert.deepEqual(readBackgroundReplies(reply), {background: rgb, done: true, rest: '', pending: ''}, JSON.stringify(reply));
	}
});

test('a terminal that knows no OSC 11 answers only DA1: done, no colour; an unreadable colour is still taken out', () => {
	assert.deepEqual(readBackgroundReplies('\u001B[?1;2c'), {background: undefined, done: true, rest: '', pending: ''});
	assert.deepEqual(readBackgroundReplies('\u001B]11;white\u0007\u001B[?1;2c'), {background: undefined, done: true, rest: '', pending: ''});
});

test('keys typed around the replies are kept, in order; a reply cut short is held back, a lone Escape is not', () => {
	assert.deepEqual(readBackgroundReplies('j\u001B]11;rgb:0000/0000/0000\u001B\\k\u001B[?1;2cq'), {background: [0, 0, 0], done: true, rest: 'jkq', pending: ''});
	assert.deepEqual(readBackgroundReplies('j\u001B]11;rgb:ff'), {background: undefined, done: false, rest: 'j', pending: '\u001B]11;rgb:ff'});
	assert.deepEqual(readBackgroundReplies('\u001B]11;rgb:ffff/ffff/ffff\u001B'), {background: undefined, done: false, rest: '', pending: '\u001B]11;rgb:ffff/ffff/ffff\u001B'});
	assert.deepEqual(readBackgroundReplies('\u001B]11;rgb:ffff/ffff/ffff\u0007\u001B[?6'), {background: [255, 255, 255], done: false, rest: '', pending: '\u001B[?6'});
	assert.deepEqual(readBackgroundReplies('\u001B'), {background: undefined, done: false, rest: '\u001B', pending: ''});
	assert.deepEqual(readBackgroundReplies('\u001B[A'), {background: undefined, done: false, rest: '\u001B[A', pending: ''}, 'an arrow key is a key');
});

test('light or dark: by contrast against black and white; the reply beats COLORFGBG, which beats dark', () => {
	assert.equal(isLight([255, 255, 255]), true);
	assert.equal(isLight([253, 246, 227]), true, 'Solarized light');
	assert.equal(isLight([0, 43, 54]), false, 'Solarized dark');
	assert.equal(isLight([30, 30, 46]), false);
	assert.equal(isLight([128, 128, 128]), true, 'mid grey reads better with dark text');
	assert.equal(detectTheme({COLORFGBG: '15;0'}, [255, 255, 255]), 'light');
	assert.equal(detectTheme({COLORFGBG: '0;15'}, [0, 0, 0]), 'dark');
	assert.equal(detectTheme({COLORFGBG: '0;15'}), 'light');
	assert.equal(detectTheme({}), 'dark');
});
