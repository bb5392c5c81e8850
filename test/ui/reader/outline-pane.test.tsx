import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {Post} from '../../../source/content/post.js';
import {renderArticle} from '../../../source/render/render-article.js';
import {App} from '../../../source/ui/App.js';
import {outlineHeadingAt, outlineOpen, outlinePaneWidth} from '../../../source/ui/reader/outline-pane.js';
import {staticLibrary} from '../../../source/ui/services.js';
import {frameWhere} from '../frame-where.js';
import {guide, makePost, rendered} from './fixture.js';

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 0, hyperlinks: false});

const longHeading = 'Configuring the terminal emulator for mouse reports and hyperlinks';
const longBody = ['An introduction.', '', '## Short one', '', 'Text.', '', `## ${longHeading}`, '', 'More text.', '', '### A third level heading under it', '', 'The end.'].join('\n');
const long = makePost('long', 'Long headings', longBody);

async function openPost(post: Post, columns: number, rows: number, outline?: boolean) {
	const app = render(<App source={staticLibrary({root: '/blog', label: './blog', posts: [post], problems: []})} loadArticle={loadArticle} {...(outline === undefined ? {} : {outline})}/>);
	Object.defineProperty(app.stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
	app.stdout.emit('resize');
	await frameWhere(app, frame => frame.includes(post.title), 'the list');
	await delay(60);
	app.stdin.write('\r');
	// The list's preview names the reading time too: the reader is up once the list's header is gone.
	await frameWhere(app, frame => frame.includes('min read') && !frame.includes('newest first'), 'the post');
	await delay(60);
	return app;
}

/** The pane's part of each line: up to and including its divider, or undefined when there is none. */
function paneOf(frame: string): string[] | undefined {
	const lines = frame.split('\n');
	const at = lines[0]!.indexOf('│');
	if (at === -1) {
		return undefined;
	}

	return lines.slice(0, lines.findLastIndex(line => line.startsWith('─'))).map(line => [...line].slice(0, [...lines[0]!.slice(0, at)].length + 1).join(''));
}

test('the pane is as wide as its longest entry needs, 20 to 44 columns and at most 30% of the terminal', () => {
	const headings = (texts: string[]) => texts.map(text => ({depth: 2, text}));
	assert.equal(outlinePaneWidth(headings(['Setup']), 160), 20, 'never narrower than 20');
	assert.equal(outlinePaneWidth(headings(['x'.repeat(30)]), 160), 1 + 2 + 30 + 2, 'indent, text, margin and divider');
	assert.equal(outlinePaneWidth(headings([longHeading]), 160), 44, 'at most 44');
	assert.equal(outlinePaneWidth(headings([longHeading]), 140), 42, 'at most 30% of 140');
	assert.equal(outlinePaneWidth([], 200), 20);
});

test('the pane opens by itself at 140 columns and more, unless turned off; o decides from then on', () => {
	assert.equal(outlineOpen(undefined, 139, true), false);
	assert.equal(outlineOpen(undefined, 140, true), true);
	assert.equal(outlineOpen(undefined, 160, false), false, 'the outline setting off');
	assert.equal(outlineOpen(true, 120, false), true, 'o opens it from 120 columns');
	assert.equal(outlineOpen(true, 119, true), false, 'never where it does not fit');
	assert.equal(outlineOpen(false, 200, true), false, 'closed with o stays closed');
});

test('outlineHeadingAt: the heading on each line of the pane, none on its title or below its entries', () => {
	const article = rendered(guide, 60);
	assert.equal(outlineHeadingAt(article, 0, 20, 0), undefined, 'the title line');
	assert.deepEqual([1, 2, 3, 4].map(row => outlineHeadingAt(article, 0, 20, row)), [0, 1, 2, 3]);
	assert.equal(outlineHeadingAt(article, 0, 20, 5), undefined, 'below the last heading');
	// Three rows of entries: the pane scrolls to keep the section in view, and the hits follow it.
	const inLast = article.headings[3]!.line;
	assert.deepEqual([1, 2, 3].map(row => outlineHeadingAt(article, inLast, 4, row)), [1, 2, 3]);
});

test('at 160×45 the pane opens by itself, with a divider, and long entries use its width', async () => {
	const app = await openPost(long, 160, 45);
	const pane = paneOf(app.lastFrame()!);
	assert.ok(pane, app.lastFrame());
	assert.equal(stringWidth(pane[0]!), 44, 'the pane and its divider');
	assert.ok(pane.every(line => line.endsWith('│')), 'a divider on every row');
	const entry = pane.find(line => line.includes('Configuring'))!;
	assert.match(entry, /^ {3}Configuring the terminal emulator for m…│$/, 'cut only at the pane\'s edge');
	assert.ok(pane.some(line => line.includes('    A third level heading under it')), 'nested entries indented');
	for (const line of app.lastFrame()!.split('\n')) {
		assert.ok(stringWidth(line) <= 160);
	}

	app.stdin.write('o');
	await frameWhere(app, frame => paneOf(frame) === undefined, 'o closes the pane it opened by itself');
	app.stdin.write('o');
	await frameWhere(app, frame => paneOf(frame) !== undefined, 'and opens it again');
	app.unmount();
});

test('at 140 columns the pane opens by itself; at 139 it does not, and o opens it', async () => {
	const wide = await openPost(guide, 140, 30);
	const pane = paneOf(wide.lastFrame()!);
	assert.ok(pane, wide.lastFrame());
	assert.match(pane.join('\n'), /Overview[\s\S]*Setup[\s\S]*Fine tuning[\s\S]*Wrapping up/);
	wide.unmount();

	const narrower = await openPost(guide, 139, 30);
	assert.equal(paneOf(narrower.lastFrame()!), undefined, narrower.lastFrame());
	narrower.stdin.write('o');
	await frameWhere(narrower, frame => paneOf(frame) !== undefined, 'o opens it below 140 columns');
	narrower.unmount();
});

test('the outline setting off: no pane by itself even at 160 columns, and o still opens it', async () => {
	const app = await openPost(guide, 160, 45, false);
	assert.equal(paneOf(app.lastFrame()!), undefined, app.lastFrame());
	app.stdin.write('o');
	await frameWhere(app, frame => paneOf(frame) !== undefined, 'o opens it');
	app.unmount();
});
