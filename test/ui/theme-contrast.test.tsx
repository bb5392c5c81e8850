import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import type {Library, Post} from '../../source/content/post.js';
import type {Theme} from '../../source/render/article.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import {lowContrast} from '../render/low-contrast.js';
import {sgrRuns} from '../render/sgr-runs.js';
import {frameWhere} from './frame-where.js';
import {guide, makePost} from './reader/fixture.js';

// Enough tag names to land on every tag colour, a draft and a problem file: every coloured thing the list shows.
const tags = ['ssh', 'rust', 'moss', 'terminal', 'notes', 'go', 'web', 'design', 'linux', 'fonts', 'unicode', 'colour'];
const posts: Post[] = [
	{...guide, tags: tags.slice(0, 4)},
	{...makePost('draft', 'A draft about fonts', 'Draft text.\n'), tags: tags.slice(4, 8), draft: true, date: {iso: '2025-04-01', time: Date.parse('2025-04-01')}},
	{...makePost('more', 'More notes', 'More.\n'), tags: tags.slice(8), date: {iso: '2025-03-01', time: Date.parse('2025-03-01')}},
];
const library: Library = {root: '/blog', label: './blog', posts, problems: [{path: 'broken.md', absolutePath: '/blog/broken.md', problem: 'empty file'}]};
const plain = (frame: string) => frame.replaceAll(/\u001B\[[\d;]*m/g, '');

async function screens(theme: Theme, colorLevel: 1 | 2 | 3): Promise<Record<string, string>> {
	const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme, colorLevel, hyperlinks: false});
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle} showDrafts textStyle={{colour: true, attributes: true, theme, colorLevel}}/>);
	Object.defineProperty(app.stdout, 'columns', {value: 120, configurable: true});
	Object.defineProperty(app.stdout, 'rows', {value: 30, configurable: true});
	app.stdout.emit('resize');
	try {
		const list = await frameWhere(app, frame => plain(frame).includes('More notes') && plain(frame).includes('broken.md'), 'the list');
		app.stdin.write('/note');
		const filter = await frameWhere(app, frame => /\d+ match/.test(plain(frame)), 'the filter');
		app.stdin.write('\u001B');
		await frameWhere(app, frame => !/\d+ match/.test(plain(frame)), 'the list again');
		app.stdin.write('g\r');
		await frameWhere(app, frame => plain(frame).includes('An opening paragraph'), 'the guide');
		app.stdin.write('\t');
		const link = await frameWhere(app, frame => plain(frame).includes('→ #setup'), 'a focused link');
		app.stdin.write('\u001B/paragraph\r');
		const search = await frameWhere(app, frame => /1\/\d+/.test(plain(frame)), 'a search');
		return {list, filter, link, search};
	} finally {
		app.unmount();
	}
}

for (const theme of ['light', 'dark'] as const) {
	for (const level of [1, 3] as const) {
		test(`${theme} theme at colour level ${level}: the list, filter, reader, focused link and search keep WCAG contrast on the ${theme} background`, async () => {
			const problems: string[] = [];
			for (const [screen, frame] of Object.entries(await screens(theme, level))) {
				for (const problem of lowContrast(sgrRuns(frame), theme)) {
					problems.push(`${screen}: ${problem}`);
				}
			}

			assert.deepEqual([...new Set(problems)], []);
		});
	}
}
