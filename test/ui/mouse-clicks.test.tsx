import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import type {Post} from '../../source/content/post.js';
import type {RenderedArticle} from '../../source/render/article.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {listEntryAt} from '../../source/ui/list/list-hits.js';
import {initialListState, resolveView} from '../../source/ui/list/list-state.js';
import {readerHitAt} from '../../source/ui/reader/reader-hits.js';
import {initialReaderState} from '../../source/ui/reader/reader-state.js';
import {type LocalActions, staticLibrary} from '../../source/ui/services.js';
import {frameWhere} from './frame-where.js';
import {sampleLibrary} from './list/make-library.js';
import {guide, library, rendered} from './reader/fixture.js';

const renderFor = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 0, hyperlinks: false});
const stub = async (post: Post): Promise<RenderedArticle> => ({lines: [`ARTICLE ${post.title}`], plain: [`ARTICLE ${post.title}`], headings: [], anchors: {}, links: []});

/** A left-button press and its release at a 1-based place, as a terminal in SGR mode (1006) sends them. */
const click = (column: number, row: number) => `\u001B[<0;${column};${row}M\u001B[<0;${column};${row}m`;

/** Where `text` is drawn in the frame, 1-based as a terminal reports it. */
function placeOf(frame: string, text: string): {column: number; row: number} {
	const lines = stripAnsi(frame).split('\n');
	const row = lines.findIndex(line => line.includes(text));
	assert.notEqual(row, -1, `${text} is not on the screen:\n${frame}`);
	return {column: [...lines[row]!.slice(0, lines[row]!.indexOf(text))].length + 1, row: row + 1};
}

function start(element: React.JSX.Element, columns: number, rows: number) {
	const app = render(element);
	Object.defineProperty(app.stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(app.stdout, 'rows', {value: rows, configurable: true});
	app.stdout.emit('resize');
	// A screen takes keys once its frame is drawn and its input handler is in: a little after the frame.
	const until = async (predicate: (frame: string) => boolean, what: string) => {
		const frame = await frameWhere({lastFrame: () => stripAnsi(app.lastFrame() ?? '')}, predicate, what);
		await delay(100);
		return frame;
	};
	const clickOn = async (text: string, offset = 0) => {
		const {column, row} = placeOf(app.lastFrame() ?? '', text);
		app.stdin.write(click(column + offset, row));
		await delay(60);
	};

	return Object.assign(app, {until, clickOn});
}

test('listEntryAt: rows under the header and rule; a group label, the preview pane and past the rows are nothing', () => {
	const context = {library: sampleLibrary(), showDrafts: false, height: 20};
	const view = resolveView(initialListState, context);
	// Row 3 is the first body line: the sticky label of the first group, then the rows (the selected one with its description).
	assert.equal(listEntryAt(view, 20, 100, {column: 10, row: 3}), undefined, 'the group label');
	assert.equal(listEntryAt(view, 20, 100, {column: 10, row: 4}), 0);
	assert.equal(listEntryAt(view, 20, 100, {column: 10, row: 5}), 0, 'the selected row\'s description');
	assert.equal(listEntryAt(view, 20, 100, {column: 10, row: 6}), 1);
	assert.equal(listEntryAt(view, 20, 100, {column: 10, row: 1}), undefined, 'the header');
	assert.equal(listEntryAt(view, 20, 100, {column: 10, row: 2}), undefined, 'the rule');
	assert.equal(listEntryAt(view, 20, 100, {column: 10, row: 40}), undefined, 'below the body');
	assert.equal(listEntryAt(view, 20, 160, {column: 10, row: 4}), 0);
	assert.equal(listEntryAt(view, 20, 160, {column: 150, row: 4}), undefined, 'the preview pane');
});

test('readerHitAt: a link by its characters, a heading in the pane and the menu, nothing on the rest', () => {
	const article = rendered(guide, 60);
	const state = initialReaderState(guide);
	const layout = {bar: false, pane: 0, indent: 0, rows: 20};
	const line = article.links[1]!.line;
	const span = article.links[1]!.spans[0]!;
	assert.deepEqual(readerHitAt(layout, state, article, {column: span.from + 1, row: line + 1}), {kind: 'link', index: 1}, 'its first character');
	assert.deepEqual(readerHitAt(layout, state, article, {column: span.to, row: line + 1}), {kind: 'link', index: 1}, 'its last character');
	assert.equal(readerHitAt(layout, state, article, {column: span.to + 1, row: line + 1}), undefined, 'just after it');
	assert.equal(readerHitAt(layout, state, article, {column: 1, row: 1}), undefined, 'the title');
	// With the title bar, an indent and the pane, the same link is further right and down.
	const framed = {bar: true, pane: 20, indent: 3, rows: 20};
	assert.deepEqual(readerHitAt(framed, state, article, {column: span.from + 1 + 23, row: line + 3}), {kind: 'link', index: 1});
	assert.deepEqual(readerHitAt(framed, state, article, {column: 5, row: 3 + 2}), {kind: 'heading', index: 1}, 'the pane\'s second heading');
	assert.equal(readerHitAt(framed, state, article, {column: 20, row: 3 + 2}), undefined, 'the divider');
	const menu = {...state, mode: 'menu' as const};
	assert.deepEqual(readerHitAt(layout, menu, article, {column: 10, row: 4 + 2}), {kind: 'heading', index: 2}, 'under the menu\'s title, filter and rule');
	assert.equal(readerHitAt(layout, menu, article, {column: 10, row: 2}), undefined, 'the menu\'s filter line');
	assert.equal(readerHitAt({...layout, rows: 5}, state, article, {column: 1, row: 6}), undefined, 'below the text');
});

test('a click selects a row of the list, a click on the selected row opens it; a double click opens any row', async () => {
	const app = start(<App source={staticLibrary(sampleLibrary())} loadArticle={stub}/>, 100, 24);
	await app.until(frame => frame.includes('Markdown showcase'), 'the list');
	assert.ok(!app.lastFrame()!.includes('Every element the renderer supports.'));
	await app.clickOn('Markdown showcase');
	await app.until(frame => frame.includes('Every element the renderer supports.'), 'the clicked row selected, its description under it');
	assert.ok(!app.lastFrame()!.includes('ARTICLE'), 'one click does not open');
	await app.clickOn('Markdown showcase');
	await app.until(frame => frame.includes('ARTICLE Markdown showcase'), 'a click on the selected row opens it');
	app.stdin.write('\u001B');
	await app.until(frame => frame.includes('Every key in blog-tui'), 'back in the list');
	const {column, row} = placeOf(app.lastFrame()!, 'Every key in blog-tui');
	app.stdin.write(click(column, row) + click(column, row));
	await app.until(frame => frame.includes('ARTICLE Every key in blog-tui'), 'a double click opens');
	app.unmount();
});

test('in the article a click highlights a link and shows its address, a second click follows it; a web link opens the browser only then', async () => {
	const opened: string[] = [];
	const local: LocalActions = {openUrl: url => opened.push(url), edit: async () => undefined};
	const app = start(<App source={staticLibrary(library)} loadArticle={renderFor} local={local}/>, 80, 24);
	await app.until(frame => frame.includes('A field guide'), 'the list');
	app.stdin.write('\r');
	await app.until(frame => frame.includes('An opening paragraph'), 'the guide');
	await app.clickOn('a note on moss', 2);
	await app.until(frame => frame.includes('→ notes/moss.md'), 'the link highlighted, its address in the status bar');
	await app.clickOn('a note on moss', 2);
	await app.until(frame => frame.includes('Moss grows on the north side'), 'the second click follows it');
	app.stdin.write('\u001B');
	await app.until(frame => frame.includes('An opening paragraph'), 'back in the guide');
	await app.clickOn('a site');
	await app.until(frame => frame.includes('→ https://example.com/page'), 'the web link highlighted');
	assert.deepEqual(opened, []);
	await app.clickOn('a site');
	await app.until(() => opened.length === 1, 'the browser asked to open it');
	assert.deepEqual(opened, ['https://example.com/page']);
	app.unmount();
});

test('a click on a heading of the menu or of the outline pane jumps to it', async () => {
	const app = start(<App source={staticLibrary(library)} loadArticle={renderFor}/>, 160, 45);
	await app.until(frame => frame.includes('A field guide'), 'the list');
	app.stdin.write('\r');
	await app.until(frame => frame.includes('An opening paragraph') && frame.includes('│'), 'the guide with its outline pane');
	await app.clickOn('Wrapping up');
	await app.until(frame => /§ Wrapping up/.test(frame), 'jumped to the last heading');
	app.stdin.write('g');
	await app.until(frame => frame.includes('An opening paragraph'), 'back at the top');
	app.stdin.write('t');
	await app.until(frame => frame.includes('Jump to heading'), 'the menu');
	// The pane lists the headings too: click the menu's entry, right of the divider.
	const lines = stripAnsi(app.lastFrame()!).split('\n');
	const row = lines.findIndex(line => line.includes('Fine tuning') && line.indexOf('Fine tuning') > line.indexOf('│'));
	app.stdin.write(click(lines[row]!.lastIndexOf('Fine tuning') + 1, row + 1));
	await app.until(frame => !frame.includes('Jump to heading') && /§ Fine tuning/.test(frame), 'the menu closed on the clicked heading');
	app.unmount();
});
