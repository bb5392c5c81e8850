import assert from 'node:assert/strict';
import {test} from 'node:test';
import {forbiddenSequences, runInTerminal} from './terminal-oracle.js';

// The oracle must catch what it is there to catch, or every hostile test passes vacuously.
test('the oracle sees title changes, bells, clipboard writes, replies and screen switches', async () => {
	const report = await runInTerminal('a\u001B]0;pwned\u0007b\u0007c\u001B]52;c;aGk=\u0007\u001B[6n\u001B[?1049h');
	assert.deepEqual(report.titles, ['pwned']);
	assert.equal(report.bells, 1);
	assert.deepEqual(report.clipboard, ['c;aGk=']);
	assert.equal(report.replies.length, 1);
	assert.match(report.replies[0]!, /^\u001B\[\d+;\d+R$/);
	assert.equal(report.alternateScreen, true);
});

test('the oracle passes SGR and http(s)/mailto OSC 8 and flags everything else', () => {
	assert.deepEqual(forbiddenSequences('\u001B[1;38;2;10;20;30mbold\u001B[0m plain\n'), []);
	assert.deepEqual(forbiddenSequences('\u001B]8;;https://example.com/a\u001B\\link\u001B]8;;\u001B\\'), []);
	assert.deepEqual(forbiddenSequences('\u001B]8;;mailto:a@example.com\u0007mail\u001B]8;;\u0007'), []);
	assert.equal(forbiddenSequences('\u001B]8;;javascript:alert(1)\u0007x\u001B]8;;\u0007').length, 1);
	assert.equal(forbiddenSequences('\u001B[2J').length, 1);
	assert.equal(forbiddenSequences('\u001B[?25l').length, 1);
	assert.equal(forbiddenSequences('\u009B6n').length, 1);
	assert.equal(forbiddenSequences('\u001BP1$r\u001B\\').length, 2);
	assert.equal(forbiddenSequences('a\rb').length, 1);
	assert.equal(forbiddenSequences('\u202Egnp.exe').length, 1);
});
