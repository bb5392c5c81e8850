import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {Post} from '../../../source/content/post.js';
import {renderArticle} from '../../../source/render/render-article.js';
import {App} from '../../../source/ui/App.js';
import {type PositionStore, staticLibrary} from '../../../source/ui/services.js';
import {frameWhere} from '../frame-where.js';
import {guide, library, makePost, moss} from './fixture.js';

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 0, hyperlinks: false});

function sized(stdout: unknown, columns: number, rows: number) {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.WriteStream).emit('resize');
}

type Harness = ReturnType<typeof render> & {until: (predicate: (frame: string) => boolean, what: string) => Promise<string>; type: (input: string) => Promise<void>};

/** The App on the fixture library, sized, with the guide open. */
async function openGuide(columns = 80, rows = 24, positions?: PositionStore, shows = 'An opening paragraph'): Promise<Harness> {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle} {...(positions ? {positions} : {})}/>);
	sized(app.stdout, columns, rows);
	const harness: Harness = Object.assign(app, {
		until: async (predicate: (frame: string) => boolean, what: string) => frameWhere(app, predicate, what),
		async type(input: string) {
			app.stdin.write(input);
			await delay(60);
		},
	});
	await harness.until(frame => frame.includes('A field guide'), 'the list');
	// The guide is the first row (newest first, same date: list order).
	await harness.type(library.posts[0] === guide ? '\r' : 'j\r');
	await harness.until(frame => frame.includes(shows), 'the guide');
	return harness;
}

// The title bar and its rule (drawn from the first column) are there only once the header block has scrolled off.
const hasTitleBar = (frame: string) => (frame.split('\n')[1] ?? '').startsWith('─');
const topLine = (frame: string) => (frame.split('\n')[hasTitleBar(frame) ? 2 : 0] ?? '').trim();
// Without colour a third-level heading keeps its hashes.
const isFineTuning = (line: string) => /^(?:### )?Fine tuning$/.test(line);
const statusLine = (frame: string) => frame.split('\n').findLast(line => line.trim() !== '') ?? '';

test('the article frame at 80×24: the header block once, 16 rows of prose, a rule and a status bar; one row short of the terminal', async () => {
	const app = await openGuide(80, 24);
	const frame = app.lastFrame()!;
	const lines = frame.split('\n');
	assert.equal(lines.length, 23, 'one row short of the terminal');
	// The header block is the top of the screen: no title bar saying the same above it.
	assert.deepEqual(lines.slice(0, 3).map(line => line.trim()), ['A field guide', '2025-05-01 · 2 min read', '#guide']);
	assert.equal(frame.split('A field guide').length - 1, 1, 'the title once');
	assert.ok(!hasTitleBar(frame));
	// Header block (title, facts, tags, its rule), a blank line, then prose down to the bottom rule.
	const prose = lines.slice(5, lines.findLastIndex(line => line.startsWith('─')));
	assert.equal(prose.length, 16, prose.join('\n'));
	assert.match(prose[0]!, /An opening paragraph/);
	assert.match(statusLine(frame), /all|%/);
	assert.match(statusLine(frame), /\? help/);
	for (const line of lines) {
		assert.ok(stringWidth(line) <= 80, `too wide: ${line}`);
	}

	// Three lines down the block's rule is still in view: still no bar.
	await app.type('jjj');
	await app.until(frame => (frame.split('\n')[0] ?? '').trim().startsWith('───'), 'the rule of the header block on top');
	assert.ok(!hasTitleBar(app.lastFrame()!));
	// One more and the header block has scrolled off: the bar comes, with the facts the block had.
	await app.type('j');
	const scrolled = await app.until(frame => hasTitleBar(frame), 'the title bar once the header block is off the screen');
	assert.match(scrolled.split('\n')[0]!, /A field guide .*2025-05-01 · 2 min · guide/);
	assert.equal(scrolled.split('\n').length, 23);
	await app.type('j');
	await app.until(frame => topLine(frame).startsWith('An opening paragraph'), 'the prose under the bar');
	await app.type('k');
	await app.until(frame => topLine(frame) === '' && hasTitleBar(frame), 'the blank line under the bar');
	await app.type('k');
	await app.until(frame => !hasTitleBar(frame), 'the bar gone once the rule is back in view');
	app.unmount();
});

test('t, then Down Down Enter in one write: the third heading is the top line; typing narrows the menu', async () => {
	const app = await openGuide();
	await app.type('t');
	const menu = await app.until(frame => frame.includes('Jump to heading'), 'the menu');
	assert.match(menu, /Overview[\s\S]*Setup[\s\S]*Fine tuning[\s\S]*Wrapping up/);
	assert.match(menu, /^ *▸ +Overview/m, 'above the first heading the first is highlighted');
	await app.type('\u001B[B\u001B[B\r');
	await app.until(frame => isFineTuning(topLine(frame)), 'the third heading on top');
	await app.type('tup');
	const narrowed = await app.until(frame => frame.includes('filter: up'), 'the typed filter');
	assert.match(narrowed, /Setup/);
	assert.match(narrowed, /Wrapping up/);
	assert.doesNotMatch(narrowed, /Overview/);
	await app.type('\u001B');
	await app.until(frame => !frame.includes('Jump to heading'), 'Esc closes the menu');
	app.unmount();
});

test('Tab shows the link target; Enter on a post link opens it; Esc comes back', async () => {
	const app = await openGuide();
	await app.type('\t\t');
	await app.until(frame => statusLine(frame).includes('→ notes/moss.md'), 'the second link named in the status bar');
	await app.type('\r');
	await app.until(frame => frame.includes('Moss grows on the north side'), 'the moss post');
	await app.type('\u001B');
	await app.until(frame => frame.includes('An opening paragraph'), 'back in the guide');
	await app.type('\u001B');
	await app.until(frame => frame.includes('Notes on moss') && frame.includes('posts'), 'back in the list');
	app.unmount();
});

test('a link to a draft leads nowhere without --drafts, and opens the draft with it', async () => {
	const published = makePost('notice', 'A published notice', 'Read [the plans](plans.md) before they are out.');
	const draft = {...makePost('plans', 'Secret plans', 'The launch is on Friday.'), draft: true};
	const withDraft = {...library, posts: [published, draft]};
	const openNotice = async (showDrafts: boolean) => {
		const app = render(<App source={staticLibrary(withDraft)} loadArticle={loadArticle} showDrafts={showDrafts}/>);
		sized(app.stdout, 80, 24);
		await frameWhere(app, frame => frame.includes('A published notice'), 'the list');
		app.stdin.write('\r');
		await frameWhere(app, frame => frame.includes('before they are out') && frame.includes('2 min read'), 'the notice');
		app.stdin.write('\t');
		await frameWhere(app, frame => statusLine(frame).includes('→ plans.md'), 'the link to the draft highlighted');
		await delay(60);
		app.stdin.write('\r');
		return app;
	};

	const hidden = await openNotice(false);
	const refused = await frameWhere(hidden, frame => frame.includes('no post for plans.md'), 'the link refused');
	assert.doesNotMatch(refused, /launch is on Friday/);
	hidden.unmount();

	const shown = await openNotice(true);
	await frameWhere(shown, frame => frame.includes('The launch is on Friday'), 'the draft opened with --drafts');
	shown.unmount();
});

test('an open post turned into a draft by live reload keeps its last published version', async () => {
	let current = {...library, posts: [guide, moss]};
	const listeners = new Set<() => void>();
	const source = {current: () => current, subscribe(listener: () => void) {
		listeners.add(listener);
		return () => listeners.delete(listener);
	}};
	const app = render(<App source={source} loadArticle={loadArticle}/>);
	sized(app.stdout, 80, 24);
	await frameWhere(app, frame => frame.includes('Notes on moss'), 'the list');
	app.stdin.write('j');
	await delay(60);
	app.stdin.write('\r');
	await frameWhere(app, frame => frame.includes('Moss grows on the north side'), 'the moss post');
	current = {...current, posts: [guide, {...moss, body: 'Unfinished thoughts.', draft: true}]};
	for (const listener of listeners) {
		listener();
	}

	const frame = await frameWhere(app, frame => frame.includes('last version'), 'the notice that the post is gone');
	assert.match(frame, /Moss grows on the north side/);
	assert.doesNotMatch(frame, /Unfinished thoughts/);
	app.unmount();
});

test('/ search shows the count, n steps; ? shows the help with every reading key', async () => {
	const app = await openGuide();
	await app.type('/terminal\r');
	await app.until(frame => /1\/3/.test(statusLine(frame)), 'match 1 of 3');
	await app.type('n');
	await app.until(frame => /2\/3/.test(statusLine(frame)), 'match 2 of 3');
	await app.type('?');
	const help = await app.until(frame => frame.includes('Keys for reading'), 'the help');
	for (const topic of ['heading jump menu', 'next · previous heading', 'Tab', 'search in the post', 'back', 'quit', 'PgDn', 'outline']) {
		assert.ok(help.includes(topic), `help mentions ${topic}`);
	}

	await app.type('\u001B');
	await app.until(frame => !frame.includes('Keys for reading'), 'Esc closes the help');
	// Esc (clear the search) and / (start another) in one read, as a quick typist's keys arrive over SSH.
	await app.type('\u001B/');
	await app.until(frame => statusLine(frame).includes('enter search'), 'a new search prompt');
	await app.type('\u001B');
	const after = await app.until(frame => !statusLine(frame).includes('enter search'), 'the prompt cancelled');
	assert.doesNotMatch(statusLine(after), /\d\/3/, 'the Esc before / cleared the old search');
	app.unmount();
});

test('resize re-wraps at the new width and keeps the heading in view; tiny and zero sizes never crash', async () => {
	const app = await openGuide(100, 30);
	await app.type('t');
	await app.type('fine\r');
	await app.until(frame => isFineTuning(topLine(frame)), 'at Fine tuning');
	sized(app.stdout, 40, 16);
	const narrow = await app.until(frame => frame.split('\n').every(line => stringWidth(line) <= 40) && isFineTuning(topLine(frame)), 'the same heading at 40 columns');
	assert.ok(narrow.split('\n').length <= 15);
	for (const [columns, rows] of [[20, 6], [1, 1], [0, 0], [15, 5]] as const) {
		sized(app.stdout, columns, rows);
		// A size of 0 means the terminal did not say: drawn as 80×24. The frame for a size is one row
		// short of it; waiting for that frame, not for a while, is what keeps a busy machine from failing this.
		const width = columns === 0 ? 80 : columns;
		const height = Math.max(1, (rows === 0 ? 24 : rows) - 1);
		await app.until(frame => frame.split('\n').length === height && frame.split('\n').every(line => stringWidth(line) <= width), `a frame of ${height} lines, none wider than ${width}`);
	}

	assert.match(app.lastFrame() ?? '', /too small/);
	sized(app.stdout, 80, 24);
	await app.until(frame => isFineTuning(topLine(frame)), 'the reader is still there after a resize back');
	app.unmount();
});

test('the reading position is saved per post and restored on reopening', async () => {
	const saved = new Map<string, number>();
	const positions: PositionStore = {get: slug => saved.get(slug), set: (slug, line) => saved.set(slug, line)};
	const first = await openGuide(80, 24, positions);
	await first.type(']]');
	await first.until(frame => topLine(frame) === 'Setup', 'at Setup');
	const setupLine = guide.body.split('\n').indexOf('## Setup');
	await first.until(() => saved.get('guide') === setupLine, `the place saved as line ${setupLine} of the body (so any width restores it), not ${saved.get('guide')}`);
	first.unmount();
	const second = await openGuide(60, 20, positions, 'Paragraph 1 about setting things up');
	await second.until(frame => topLine(frame) === 'Setup', 'reopened at Setup');
	second.unmount();
});

test('a scroll step draws one frame of at most one screen: only the visible lines reach Ink', async () => {
	const app = await openGuide(80, 24);
	const before = app.frames.length;
	await app.type('j');
	await app.type('j');
	await app.type(' ');
	const drawn = app.frames.slice(before);
	assert.ok(drawn.length >= 3 && drawn.length <= 6, `${drawn.length} frames for 3 keys`);
	for (const frame of drawn) {
		assert.ok(frame.split('\n').length <= 23, 'never as tall as the terminal');
		// Box-drawing and bullets are 3 bytes in UTF-8: a screen of them is the most a frame holds.
		assert.ok(Buffer.byteLength(frame) <= 80 * 23 * 3, `${Buffer.byteLength(frame)} bytes`);
	}

	app.unmount();
});

test('o opens the outline beside the article at 120+ columns, following the section; narrower, it says why not', async () => {
	const app = await openGuide(130, 30);
	await app.type('o');
	await app.until(frame => frame.includes('Outline'), 'the outline pane');
	await app.type(']]');
	const frame = await app.until(frame => /§ Setup/.test(statusLine(frame)), 'in Setup');
	const pane = frame.split('\n').slice(2, 12).map(line => line.slice(0, 32));
	assert.ok(pane.some(line => line.includes('Fine tuning')), pane.join('\n'));
	for (const line of frame.split('\n')) {
		assert.ok(stringWidth(line) <= 130);
	}

	await app.type('o');
	await app.until(frame => !frame.includes('Outline'), 'o closes it');
	app.unmount();
	const narrow = await openGuide(100, 30);
	await narrow.type('o');
	await narrow.until(frame => statusLine(frame).includes('needs 120 columns'), 'the reason in the status bar');
	narrow.unmount();
});

test('the rest of the reading keys through Ink: ] [ g G d u b space arrows PgUp PgDn Home End, N, Shift-Tab, h, Backspace, q, Ctrl-C', async () => {
	const app = await openGuide(80, 24);
	const expectTop = async (keys: string, wanted: string | RegExp, what: string) => {
		await app.type(keys);
		await app.until(frame => (typeof wanted === 'string' ? topLine(frame) === wanted : wanted.test(topLine(frame))), what);
	};

	await expectTop(']', 'Overview', '] to the first heading');
	await expectTop(']', 'Setup', '] to the next');
	await expectTop('[', 'Overview', '[ back one');
	await app.type('G');
	await app.until(frame => frame.includes('Back to the overview') && !frame.includes('A field guide\n'), 'G shows the last line');
	await expectTop('g', 'A field guide', 'g to the top');
	for (const [keys, what] of [['d', 'd'], ['\u001B[B', 'Down'], ['j', 'j'], [' ', 'space'], ['\u001B[6~', 'PgDn']] as const) {
		const before = app.lastFrame();
		await app.type(keys);
		await app.until(frame => frame !== before, `${what} scrolls down`);
	}

	for (const [keys, what] of [['u', 'u'], ['\u001B[A', 'Up'], ['k', 'k'], ['b', 'b'], ['\u001B[5~', 'PgUp']] as const) {
		const before = app.lastFrame();
		await app.type(keys);
		await app.until(frame => frame !== before, `${what} scrolls up`);
	}

	await app.type('\u001B[F');
	await app.until(frame => frame.includes('Back to the overview'), 'End shows the last line');
	await expectTop('\u001B[H', 'A field guide', 'Home');
	await app.type('/terminal\r');
	await app.until(frame => /1\/3/.test(statusLine(frame)), 'search');
	await app.type('N');
	await app.until(frame => /3\/3/.test(statusLine(frame)), 'N wraps to the last match');
	await app.type('\u001B');
	await app.type('g\t\t\u001B[Z');
	await app.until(frame => statusLine(frame).includes('→ #setup'), 'Shift-Tab back to the first link');
	await app.type('\r');
	await app.until(frame => topLine(frame) === 'Setup', 'followed #setup');
	await app.type('h');
	await app.until(frame => topLine(frame) === 'A field guide', 'h goes back');
	await app.type('\u007F');
	await app.until(frame => frame.includes('newest first'), 'Backspace back to the list');
	app.unmount();

	for (const quit of ['q', '\u0003']) {
		const reader = await openGuide(80, 24);
		reader.stdin.write(quit);
		const deadline = Date.now() + 5000;
		while (reader.stdin.listenerCount('readable') > 0 && Date.now() < deadline) {
			await delay(20);
		}

		assert.equal(reader.stdin.listenerCount('readable'), 0, `${JSON.stringify(quit)} quits from the reader`);
		reader.unmount();
	}
});
