import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import type {Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import {frameWhere} from '../ui/frame-where.js';
import {library} from '../ui/reader/fixture.js';

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 1, hyperlinks: true});

// Only how long a real failure takes to report: a fitting frame ends the wait as soon as it is drawn.
const bound = 20_000;

function fits(frame: string, width: number, height: number): boolean {
	const lines = frame.split('\n');
	return lines.length === height && lines.every(line => stringWidth(line) <= width);
}

function resize(stdout: unknown, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.WriteStream).emit('resize');
}

// Every screen the reader can be on, reached by keys from the list at a usable size; each key
// waits for what it brings up, so a slow machine only takes longer to get there.
const screens: Array<{name: string; keys: Array<[keys: string, shows: string | RegExp]>}> = [
	{name: 'list', keys: []},
	{name: 'filter', keys: [['/', 'enter keeps'], ['gui', '/ gui']]},
	{name: 'tag browser', keys: [['#', 'Tag:']]},
	{name: 'full-text search', keys: [['F', 'Search text:'], ['moss', 'Search text: moss']]},
	{name: 'article', keys: [['\r', 'An opening paragraph'], ['jj', /^\s*#guide\n\s*─/]]},
	{name: 'heading menu', keys: [['\r', 'An opening paragraph'], ['t', 'Jump to heading']]},
	{name: 'article search', keys: [['\r', 'An opening paragraph'], ['/terminal\r', '1/']]},
	{name: 'help', keys: [['\r', 'An opening paragraph'], ['?', 'Keys for reading']]},
];

const extremes: Array<[number, number]> = [[0, 0], [1, 1], [65_535, 24], [65_535, 1], [1, 200], [19, 5], [20, 6], [80, 24]];
// Seeded: a failure names a size that reproduces.
const sizes = fc.sample(fc.tuple(fc.integer({min: 0, max: 400}), fc.integer({min: 0, max: 120})), {numRuns: 1000 - (extremes.length * screens.length), seed: 20_261_202});

test('1,000 sizes over every screen, 0×0, 1×1 and 65535 wide among them: no exception, every frame fits', {timeout: 900_000}, async () => {
	let checked = 0;
	for (const [index, screen] of screens.entries()) {
		const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
		resize(app.stdout, 100, 30);
		await frameWhere(app, frame => stripAnsi(frame).includes('A field guide'), 'the list', bound);
		for (const [keys, shows] of screen.keys) {
			app.stdin.write(keys);
			await frameWhere(app, frame => (typeof shows === 'string' ? stripAnsi(frame).includes(shows) : shows.test(stripAnsi(frame))), `${screen.name}: ${String(shows)}`, bound);
		}

		const share = sizes.slice(Math.floor(index * sizes.length / screens.length), Math.floor((index + 1) * sizes.length / screens.length));
		for (const [columns, rows] of [...extremes, ...share]) {
			resize(app.stdout, columns, rows);
			// A size of 0 means the terminal did not say: drawn as 80×24.
			const width = Math.min(columns === 0 ? 80 : columns, 1000);
			const height = Math.max(1, (rows === 0 ? 24 : rows) - 1);
			// The frame for the new size is exactly `height` lines (the app fills the terminal less a row).
			// Wait for it rather than for a while: a frame of the old size still showing on a loaded machine
			// is not a failure, and a frame that never fits fails here, naming the size.
			const frame = await frameWhere(app, frame => fits(frame, width, height), `${screen.name} at ${columns}×${rows}: a frame of ${height} lines, none wider than ${width}`, bound);
			assert.doesNotMatch(frame, /^\s*ERROR\b/m, `${screen.name} at ${columns}×${rows}`);
			checked++;
		}

		app.unmount();
	}

	assert.equal(checked, 1000);
});
