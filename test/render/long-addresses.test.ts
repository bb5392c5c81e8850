import assert from 'node:assert/strict';
import {test} from 'node:test';
import {bodyOf} from './helpers.js';

const long = 'https://example.com/2024/05/a-very-long-path/with-many-segments/and-a-query?utm_source=newsletter&utm_medium=email';

test('without OSC 8 an address wider than the column gets a line of its own, whole, so a terminal\'s copy gets it in one piece', () => {
	assert.ok(long.length > 60);
	const lines = bodyOf(`Read [the write-up](${long}) before the meeting, then the rest of this sentence.`, {width: 60});
	const holding = lines.filter(line => line.includes('https://'));
	assert.equal(holding.length, 1, lines.join('\n'));
	assert.equal(holding[0], `(${long})`, 'alone on its line, with its brackets');
	assert.match(lines[0]!, /^Read the write-up$/, 'the text before it breaks early');
	assert.match(lines.join(' '), /before the meeting, then the rest of this sentence\./, 'the text after it goes on');
	for (const line of lines.filter(line => !line.includes('https://'))) {
		assert.ok(line.length <= 60, line);
	}
});

test('a bare address and an image address wider than the column are kept whole too', () => {
	const bare = bodyOf(`See <${long}> for more.`, {width: 60});
	assert.ok(bare.includes(long), bare.join('\n'));
	const image = bodyOf(`![A chart](${long}.png)`, {width: 60});
	assert.ok(image.some(line => line === `${long}.png`), image.join('\n'));
});

test('an address that fits the column is moved to the next line rather than broken; other long words still break', () => {
	const fits = 'https://example.com/a/path/of/forty-five/characters';
	const lines = bodyOf(`Some words first, and then [a link](${fits}) follows.`, {width: 60});
	assert.ok(lines.some(line => line.includes(`(${fits})`)), lines.join('\n'));
	const word = 'x'.repeat(130);
	const broken = bodyOf(`A ${word} word.`, {width: 60});
	assert.ok(broken.every(line => line.length <= 60), broken.join('\n'));
});

test('with OSC 8 the address is not printed at all: the link text carries it', () => {
	const lines = bodyOf(`Read [the write-up](${long}) before the meeting.`, {width: 60, colorLevel: 1, hyperlinks: true});
	assert.ok(!lines.join('\n').includes('utm_source'), lines.join('\n'));
});
