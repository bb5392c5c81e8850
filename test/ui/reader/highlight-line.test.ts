import assert from 'node:assert/strict';
import {test} from 'node:test';
import stripAnsi from 'strip-ansi';
import {highlightLine} from '../../../source/ui/reader/highlight-line.js';

const inverse = '\u001B[7m';

test('paints a stretch of plain text and leaves the rest as it was', () => {
	assert.equal(highlightLine('find the term here', [{from: 9, to: 13, style: inverse}]), `find the ${inverse}term\u001B[0m here`);
	assert.equal(highlightLine('nothing', []), 'nothing');
});

test('positions skip escape sequences; the line\'s own style comes back after the highlight', () => {
	const bold = '\u001B[1m';
	const line = `${bold}bold \u001B[22mplain \u001B]8;;https://example.com\u0007link\u001B]8;;\u0007 end`;
	const painted = highlightLine(line, [{from: 2, to: 7, style: inverse}]);
	assert.equal(stripAnsi(painted), stripAnsi(line));
	assert.ok(painted.startsWith(`${bold}bo${inverse}ld `), JSON.stringify(painted));
	// A style change inside the highlight keeps it on; ending it replays what is in force.
	assert.ok(painted.includes(`\u001B[22m${inverse}pl\u001B[0m${bold}\u001B[22m`), JSON.stringify(painted));
	assert.ok(painted.includes('\u001B]8;;https://example.com\u0007link'), 'hyperlinks pass through');
});

test('several highlights on one line, and one running to the end of the line', () => {
	const painted = highlightLine('aa bb aa', [{from: 6, to: 8, style: inverse}, {from: 0, to: 2, style: '\u001B[30;43m'}]);
	assert.equal(painted, '\u001B[30;43maa\u001B[0m bb \u001B[7maa\u001B[0m');
});
