import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import {library} from '../ui/reader/fixture.js';

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 1, hyperlinks: true});

function resize(stdout: unknown, columns: number, rows: number): void {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.WriteStream).emit('resize');
}

// Every screen the reader can be on, reached by keys from the list at a usable size.
const screens: Array<{name: string; keys: string[]}> = [
	{name: 'list', keys: []},
	{name: 'filter', keys: ['/', 'gui']},
	{name: 'tag browser', keys: ['#']},
	{name: 'full-text search', keys: ['F', 'moss']},
	{name: 'article', keys: ['\r', 'jj']},
	{name: 'heading menu', keys: ['\r', 't']},
	{name: 'article search', keys: ['\r', '/terminal\r']},
	{name: 'help', keys: ['\r', '?']},
];

const extremes: Array<[number, number]> = [[0, 0], [1, 1], [65_535, 24], [65_535, 1], [1, 200], [19, 5], [20, 6], [80, 24]];
// Seeded: a failure names a size that reproduces.
const sizes = fc.sample(fc.tuple(fc.integer({min: 0, max: 400}), fc.integer({min: 0, max: 120})), {numRuns: 1000 - (extremes.length * screens.length), seed: 20_261_202});

test('1,000 sizes over every screen, 0×0, 1×1 and 65535 wide among them: no exception, every frame fits', {timeout: 240_000}, async () => {
	let checked = 0;
	for (const [index, screen] of screens.entries()) {
		const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
		resize(app.stdout, 100, 30);
		for (const keys of screen.keys) {
			await delay(80);
			app.stdin.write(keys);
		}

		await delay(150);
		const share = sizes.slice(Math.floor(index * sizes.length / screens.length), Math.floor((index + 1) * sizes.length / screens.length));
		for (const [columns, rows] of [...extremes, ...share]) {
			const drawn = app.frames.length;
			resize(app.stdout, columns, rows);
			// A size of 0 means the terminal did not say: drawn as 80×24.
			const width = Math.min(columns === 0 ? 80 : columns, 1000);
			const height = Math.max(1, (rows === 0 ? 24 : rows) - 1);
			// React draws the new size on its next turn and the article re-renders at the new width a
			// little later (slower on a loaded machine): check once the frames have settled, boundedly.
			// A frame the same as the one before is not written again: then nothing new comes at all.
			const firstBy = Date.now() + 300;
			while (app.frames.length === drawn && Date.now() < firstBy) {
				await delay(2);
			}

			const deadline = Date.now() + 3000;
			let settled = app.frames.length;
			let quietSince = Date.now();
			while (Date.now() < deadline && Date.now() - quietSince < 25) {
				if (app.frames.length !== settled) {
					settled = app.frames.length;
					quietSince = Date.now();
				}

				await delay(3);
			}

			const frame = app.lastFrame() ?? '';
			const lines = frame.split('\n');
			assert.doesNotMatch(frame, /^\s*ERROR\b/m, `${screen.name} at ${columns}×${rows}`);
			assert.ok(lines.length <= height, `${screen.name} at ${columns}×${rows}: ${lines.length} lines`);
			for (const line of lines) {
				assert.ok(stringWidth(line) <= width, `${screen.name} at ${columns}×${rows}: a line of ${stringWidth(line)} columns`);
			}

			checked++;
		}

		app.unmount();
	}

	assert.equal(checked, 1000);
});
