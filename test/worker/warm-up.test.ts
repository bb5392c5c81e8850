import assert from 'node:assert/strict';
import {test} from 'node:test';
import {warmUpStep, warmUpSteps} from '../../source/worker/warm-up.js';
import '../render/grammars.js';

test('the warm-up sample runs every kind of block and inline through the renderer, coloured', () => {
	const article = warmUpStep(0, {theme: 'dark', colorLevel: 3, hyperlinks: true});
	assert.equal(article.notice, undefined);
	const text = article.plain.join('\n');
	for (const drawn of ['• A first item with bold and code inside', '◦ A nested item', '2. And a second one', '☐ A task still to do', '☑', '│ A quotation', 'ℹ Note', '╭─ ts ', '╭─ rust ', '[image: A picture of nothing]', 'Setext heading', 'A block of HTML.', '🚀', '漢字とかな']) {
		assert.ok(text.includes(drawn), `the warm-up article shows ${JSON.stringify(drawn)}`);
	}

	assert.ok(article.lines.some(line => line.includes('\u001B]8;;https://example.com/guide')), 'an OSC 8 link');
	assert.ok(article.headings.some(heading => heading.text === 'A table'));
	assert.ok(article.plain.some(line => /alpha.+12.+Short note/.test(line)), 'a table row');
	assert.ok(article.links.some(link => link.kind === 'anchor') && article.links.some(link => link.kind === 'post'));
});

test('warm-up renders cover a spread of widths', () => {
	const widths = new Set(Array.from({length: warmUpSteps}, (_, step) => warmUpStep(step, {theme: 'light', colorLevel: 0, hyperlinks: false}).plain.reduce((most, line) => Math.max(most, line.length), 0)));
	assert.ok(widths.size >= 20, `only ${widths.size} different widths`);
});
