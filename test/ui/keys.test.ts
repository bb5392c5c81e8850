import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Key} from 'ink';
import {parseMouse, toKeyPresses} from '../../source/ui/keys.js';

function ink(flags: Partial<Key> = {}): Key {
	return flags as Key;
}

const names = (input: string, flags: Partial<Key> = {}) => toKeyPresses(input, ink(flags)).map(key => `${key.ctrl ? 'ctrl-' : ''}${key.shift && key.name.length > 1 ? 'shift-' : ''}${key.name}`);

test('several characters in one read are several keys', () => {
	assert.deepEqual(names('jj\r'), ['j', 'j', 'return']);
	assert.deepEqual(names('Gq'), ['G', 'q']);
	assert.deepEqual(toKeyPresses('G', ink()).map(key => key.shift), [true]);
});

test('Esc arrives with meta from Ink; Esc and a key in one read are both kept', () => {
	assert.deepEqual(names('', {escape: true, meta: true}), ['escape']);
	assert.deepEqual(names('\u001B', {escape: true, meta: true}), ['escape', 'escape']);
	assert.deepEqual(names('j', {meta: true}), ['escape', 'j']);
	assert.deepEqual(names('', {upArrow: true, meta: true}), ['escape', 'up']);
});

test('Esc and a punctuation key in one read reach Ink as the bare character: the raw read gives the Esc back', () => {
	const withRaw = (input: string, raw: string) => toKeyPresses(input, ink(), raw).map(key => key.name);
	assert.deepEqual(withRaw('/', '\u001B/'), ['escape', '/']);
	assert.deepEqual(withRaw('?', '\u001B?'), ['escape', '?']);
	assert.deepEqual(withRaw('#', '\u001B#'), ['escape', '#']);
	assert.deepEqual(withRaw('/', '/'), ['/']);
	assert.deepEqual(withRaw('jj', 'jj'), ['j', 'j']);
	assert.deepEqual(toKeyPresses('j', ink({meta: true}), '\u001Bj').map(key => key.name), ['escape', 'j'], 'Esc and a letter once, not twice');
});

test('named keys, Shift-Tab, Backspace sent as DEL, and control keys', () => {
	assert.deepEqual(names('', {tab: true, shift: true}), ['shift-tab']);
	assert.deepEqual(names('', {delete: true}), ['backspace']);
	assert.deepEqual(names('c', {ctrl: true}), ['ctrl-c']);
	assert.deepEqual(names('', {pageDown: true}), ['pagedown']);
	assert.deepEqual(names('\u0006'), ['ctrl-f']);
});

test('SGR mouse reports are decoded, never typed: the wheel scrolls three lines, a left press is a click with its place, releases are dropped', () => {
	const none = {} as Key;
	assert.deepEqual(parseMouse('\u001B[<64;10;5M'), {button: 64, column: 10, row: 5, release: false});
	assert.deepEqual(parseMouse('[<0;120;40m'), {button: 0, column: 120, row: 40, release: true});
	assert.equal(parseMouse('[<0;1;1'), undefined);
	assert.equal(parseMouse('[<a;1;1M'), undefined);
	const names = (input: string, raw?: string) => toKeyPresses(input, none, raw).map(press => press.name);
	assert.deepEqual(names('[<64;10;5M', '\u001B[<64;10;5M'), ['up', 'up', 'up']);
	assert.deepEqual(names('[<65;10;5M', '\u001B[<65;10;5M'), ['down', 'down', 'down']);
	assert.deepEqual(names('[<69;10;5M', '\u001B[<69;10;5M'), ['down', 'down', 'down'], 'Shift and the wheel');
	assert.deepEqual(toKeyPresses('[<0;10;5M', none, '\u001B[<0;10;5M'), [{name: 'click', ctrl: false, shift: false, at: {column: 10, row: 5}}]);
	assert.deepEqual(toKeyPresses('[<0;120;40M', none), [{name: 'click', ctrl: false, shift: false, at: {column: 120, row: 40}}], 'without its Esc');
	assert.deepEqual(names('[<0;10;5m', '\u001B[<0;10;5m'), [], 'the release');
	assert.deepEqual(names('[<2;10;5M', '\u001B[<2;10;5M'), [], 'the right button');
	assert.deepEqual(names('[<35;10;5M'), [], 'motion');
	assert.deepEqual(names('j'), ['j']);
});
