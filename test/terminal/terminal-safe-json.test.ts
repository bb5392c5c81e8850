import assert from 'node:assert/strict';
import {test} from 'node:test';
import {terminalSafeJson} from '../../source/terminal/terminal-safe-json.js';

const hostile = 'a\u001B]0;x\u0007\u007F\u0085\u009B2J\u009D0;TITLE\u009C\u202A\u202E\u2066\u2069\u2028\u2029\u061C\u200E\u200F\u200B\uFEFF\u{E0041}b';

test('every control, format and separator character comes out escaped; printable text stays as it is', () => {
	const text = terminalSafeJson(hostile);
	assert.doesNotMatch(text, /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
	assert.equal(text, String.raw`"a\u001b]0;x\u0007\u007f\u0085\u009b2J\u009d0;TITLE\u009c\u202a\u202e\u2066\u2069\u2028\u2029\u061c\u200e\u200f\u200b\ufeff\udb40\udc41b"`);
	assert.equal(terminalSafeJson('Ünïcode 日本 😀 ok'), '"Ünïcode 日本 😀 ok"');
});

test('any JSON reader gets the data back unchanged', () => {
	assert.equal(JSON.parse(terminalSafeJson(hostile)), hostile);
	const value = {user: hostile, list: [hostile, 1, null]};
	assert.deepEqual(JSON.parse(terminalSafeJson(value, 2)), value);
});
