import assert from 'node:assert/strict';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import type {Library, Post} from '../../../source/content/post.js';
import type {RenderedArticle} from '../../../source/render/article.js';
import {App} from '../../../source/ui/App.js';
import {type Indexing, type LibrarySource, staticLibrary} from '../../../source/ui/services.js';
import {frameWhere} from '../frame-where.js';
import {makeLibrary, sampleLibrary} from './make-library.js';

const opened: Post[] = [];
const loadArticle = async (post: Post): Promise<RenderedArticle> => {
	opened.push(post);
	return {lines: [`ARTICLE ${post.title}`], plain: [`ARTICLE ${post.title}`], headings: [], anchors: {}, links: []};
};

function sized(stdout: unknown, columns: number, rows: number) {
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	(stdout as NodeJS.WriteStream).emit('resize');
}

/** A source whose library and progress the test changes, as the folder watcher would. */
function liveSource(library: Library, indexing?: Indexing): LibrarySource & {set: (next: Library, progress?: Indexing) => void} {
	const listeners = new Set<() => void>();
	let current = library;
	let progress = indexing;
	return {
		current: () => current,
		indexing: () => progress,
		watching: true,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		set(next, nextProgress) {
			current = next;
			progress = nextProgress;
			for (const listener of listeners) {
				listener();
			}
		},
	};
}

type Harness = {
	frame: () => string;
	lines: () => string[];
	type: (input: string) => Promise<void>;
	/** Runs `change` (a reload, say) and waits for the screen to settle. */
	act: (change: () => void) => Promise<void>;
	/** Polls until the screen shows `text` (debounced work), failing with the screen after 3 s. */
	until: (text: string | RegExp) => Promise<void>;
	unmount: () => void;
};

/**
 * Waits for the screen to change, then to stay the same for a while, so a loaded machine slows the
 * test down instead of failing it. Every key typed in these tests changes the screen: the bound on
 * the change is only how long a real failure takes to report (a short one read a stale frame
 * whenever the machine was busy).
 */
async function settled(lastFrame: () => string | undefined, before: string | undefined): Promise<void> {
	const changeBy = Date.now() + 15_000;
	while (lastFrame() === before && Date.now() < changeBy) {
		await delay(10);
	}

	let last = lastFrame();
	let stableSince = Date.now();
	const giveUp = Date.now() + 3000;
	while (Date.now() - stableSince < 120 && Date.now() < giveUp) {
		await delay(10);
		if (lastFrame() !== last) {
			last = lastFrame();
			stableSince = Date.now();
		}
	}
}

async function show(source: LibrarySource, {columns = 100, rows = 24, showDrafts = false} = {}): Promise<Harness> {
	const app = render(<App source={source} loadArticle={loadArticle} showDrafts={showDrafts}/>);
	const first = app.lastFrame();
	sized(app.stdout, columns, rows);
	await settled(app.lastFrame, first);
	const frame = () => stripAnsi(app.lastFrame() ?? '');
	return {
		frame,
		lines: () => frame().split('\n'),
		async type(input) {
			const before = app.lastFrame();
			app.stdin.write(input);
			await settled(app.lastFrame, before);
		},
		async act(change) {
			const before = app.lastFrame();
			change();
			await settled(app.lastFrame, before);
		},
		async until(text) {
			const giveUp = Date.now() + 3000;
			const shows = () => (typeof text === 'string' ? frame().includes(text) : text.test(frame()));
			while (!shows() && Date.now() < giveUp) {
				await delay(10);
			}

			assert.ok(shows(), `waited for ${String(text)}; screen was:\n${frame()}`);
		},
		unmount: app.unmount,
	};
}

function assertFits(lines: string[], columns: number, rows: number) {
	assert.ok(lines.length <= rows - 1, `frame of ${lines.length} lines in ${rows} rows`);
	for (const line of lines) {
		assert.ok(stringWidth(line) <= columns, `${stringWidth(line)} columns: ${line}`);
	}
}

const down = '\u001B[B';
const escape = '\u001B';

test('rows under year labels, header counts, the selected row’s description, key hints', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		const lines = ui.lines();
		assert.match(lines[0]!, /blog-tui · \.\/blog\s+5 posts · newest first$/);
		assert.deepEqual(lines.slice(2, 6).map(line => line.trimEnd()), [
			' 2026',
			' ▸ 2026-03-14  Reading blog-tui over SSH                                          ssh guide   4 min',
			'               How to serve your posts and what readers see.',
			'   2026-02-01  Every key in blog-tui                                                  guide   3 min',
		]);
		assert.ok(lines.some(line => line.trim() === '2025'));
		assert.ok(lines.some(line => line.trim() === 'Undated'));
		assert.match(lines.find(line => line.includes('Notes without a date'))!, /undated/);
		assert.match(lines.at(-1)!, /enter read · \/ filter · # tags · F search text · s sort/);
		assertFits(lines, 100, 24);
	} finally {
		ui.unmount();
	}
});

test('s cycles the order and says so in the header', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		await ui.type('s');
		assert.match(ui.lines()[0]!, /oldest first$/);
		assert.match(ui.lines()[3]!, /2025-05-13 {2}Building a tiny pager/);
		await ui.type('s');
		assert.match(ui.lines()[0]!, /by title$/);
		assert.ok(!ui.lines().some(line => line.trim() === '2025'), 'no year labels when sorted by title');
	} finally {
		ui.unmount();
	}
});

test('/ filters as you type, Enter keeps it (in the header), Esc clears it', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		await ui.type('/');
		await ui.type('pager');
		assert.match(ui.lines().at(-1)!, /^ \/ pager {3}1 match · enter keeps · esc clears/);
		assert.ok(ui.frame().includes('Building a tiny pager with Ink'));
		assert.ok(!ui.frame().includes('Markdown showcase'));
		await ui.type('\r');
		assert.match(ui.lines()[0]!, /1 of 5 posts · filter: pager · newest first$/);
		await ui.type(escape);
		assert.match(ui.lines()[0]!, /5 posts · newest first$/);
		assert.ok(ui.frame().includes('Markdown showcase'));
	} finally {
		ui.unmount();
	}
});

test('a filter with no match says so and how to undo it', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		await ui.type('/zzzq');
		assert.ok(ui.frame().includes('No posts match “zzzq”.'), ui.frame());
		assert.ok(ui.frame().includes('Esc clears the filter'));
	} finally {
		ui.unmount();
	}
});

test('# opens the tag browser with counts; Enter filters; a second tag combines; Backspace removes', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		await ui.type('#');
		const browser = ui.lines();
		assert.match(browser[2]!, /^ Tag: {4}enter picks · esc closes/);
		assert.match(browser[3]!, /^ ▸ guide\s+3$/);
		assert.match(browser[4]!, /^ {3}demo\s+1$/);
		await ui.type('\r');
		assert.match(ui.lines()[0]!, /3 of 5 posts · tag: guide · newest first$/);
		assert.ok(!ui.frame().includes('Markdown showcase'));
		await ui.type('#');
		await ui.type('ssh');
		await ui.type('\r');
		assert.match(ui.lines()[0]!, /1 of 5 posts · tag: guide \+ ssh · newest first$/);
		await ui.type('\u007F');
		assert.match(ui.lines()[0]!, /3 of 5 posts · tag: guide · newest first$/);
	} finally {
		ui.unmount();
	}
});

test('Enter opens the selected post, batched keys included; Esc returns to the same row', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		await ui.type('jj\r');
		await ui.until('ARTICLE');
		assert.ok(ui.frame().includes('ARTICLE Markdown showcase'), ui.frame());
		await ui.type(escape);
		assert.match(ui.lines().find(line => line.includes('Markdown showcase'))!, /▸/);
	} finally {
		ui.unmount();
	}
});

test('a filtered list opens the post picked in it', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		await ui.type('/guide\r');
		await ui.type(`${down}\r`);
		await ui.until('ARTICLE');
		assert.ok(ui.frame().includes('ARTICLE Every key in blog-tui'), ui.frame());
	} finally {
		ui.unmount();
	}
});

test('F searches the text of every post; Enter opens the hit', async () => {
	const library = makeLibrary([
		{title: 'Star notes', date: '2024-02-01', body: 'Intro.\n\nThe Ring Nebula glows green.\n'},
		{title: 'Garden', date: '2024-01-01', body: 'Nothing here.\nA ring of stones.'},
	]);
	const ui = await show(staticLibrary(library));
	try {
		await ui.type('F');
		assert.match(ui.lines()[2]!, /Search text: {4}type to search every post/);
		await ui.type('ring');
		await ui.until('2 lines in 2 posts');
		const lines = ui.lines();
		assert.match(lines[2]!, /Search text: ring {3}2 lines in 2 posts · enter opens/);
		assert.match(lines[3]!, /^ ▸ Star notes {3}The Ring Nebula glows green\.$/);
		assert.match(lines[4]!, /^ {3}Garden {7}A ring of stones\.$/);
		opened.length = 0;
		await ui.type(`${down}\r`);
		await ui.until(/^ Garden/);
		// Where the reader scrolls to is the reader's part; the list's is to open the right post.
		assert.deepEqual(opened.map(post => post.title), ['Garden']);
		assert.ok(!ui.frame().includes('Search text:'), 'the search screen made way for the article');
	} finally {
		ui.unmount();
	}
});

test('F shows a hit as the article reads: no Markdown, no line numbers, the heading it is under, the whole title', async () => {
	const library = makeLibrary([
		{title: 'A field guide to the terminal', date: '2024-02-01', headings: [{depth: 2, text: 'Escape codes', id: 'escape-codes', inferred: false, line: 2, source: '## Escape codes'}],
			body: 'Intro.\n\n## Escape codes\n\n1. **The Escape key** sends `ESC`, see [the table](https://example.com/escape).\n\n```sh\n# escape in code stays as written\n```\n'},
	]);
	const ui = await show(staticLibrary(library));
	try {
		await ui.type('F');
		await ui.type('escape');
		await ui.until('3 lines in 1 post');
		assert.deepEqual(ui.lines().slice(3, 6).map(line => line.trimEnd()), [
			' ▸ A field guide to the terminal  Escape codes │ Escape codes',
			'                                  Escape codes │ The Escape key sends ESC, see the table.',
			'                                  Escape codes │ # escape in code stays as written',
		]);
	} finally {
		ui.unmount();
	}
});

test('no posts: says which folder and how to add a first post', async () => {
	const ui = await show(staticLibrary(makeLibrary([])));
	try {
		assert.ok(ui.frame().includes('No posts in ./blog yet.'));
		assert.ok(ui.frame().includes('Add a Markdown file there to start, for example hello.md:'));
		assert.ok(ui.frame().includes('title: Hello, world'));
	} finally {
		ui.unmount();
	}
});

test('problem files are marked rows; Enter shows the reason; Esc goes back', async () => {
	const library = makeLibrary([{title: 'Fine', date: '2024-01-01'}], [{path: 'broken/bin.md', absolutePath: '/blog/broken/bin.md', problem: 'binary file, not text'}]);
	const ui = await show(staticLibrary(library));
	try {
		assert.match(ui.lines()[0]!, /1 post · ⚠ 1 problem · newest first$/);
		assert.ok(ui.lines().some(line => /^ {3}⚠ broken\/bin\.md {2}binary file, not text/.test(line)), ui.frame());
		await ui.type('j\r');
		assert.ok(ui.frame().includes('Problem  binary file, not text'), ui.frame());
		assert.ok(ui.frame().includes('File     /blog/broken/bin.md'));
		await ui.type(escape);
		assert.ok(ui.frame().includes('Fine'));
	} finally {
		ui.unmount();
	}
});

test('drafts are hidden unless asked for, then marked', async () => {
	const library = makeLibrary([{title: 'Published', date: '2024-01-01'}, {title: 'Work in progress', date: '2024-02-01', draft: true, tags: ['ideas']}]);
	const hidden = await show(staticLibrary(library));
	try {
		assert.ok(!hidden.frame().includes('Work in progress'));
	} finally {
		hidden.unmount();
	}

	const shown = await show(staticLibrary(library), {showDrafts: true});
	try {
		assert.match(shown.lines().find(line => line.includes('Work in progress'))!, /draft ideas/);
		assert.match(shown.lines()[0]!, /2 posts · 1 draft · newest first$/);
	} finally {
		shown.unmount();
	}
});

test('indexing shows how many files were read, then the list', async () => {
	const source = liveSource(makeLibrary([]), {read: 1234, total: 10_000});
	const ui = await show(source);
	try {
		assert.ok(ui.frame().includes('Indexing ./blog…'));
		assert.ok(ui.frame().includes('1,234 of 10,000 files read'));
		await ui.act(() => {
			source.set(sampleLibrary());
		});
		assert.ok(ui.frame().includes('Reading blog-tui over SSH'));
	} finally {
		ui.unmount();
	}
});

test('a reload keeps the selection and the filter', async () => {
	const source = liveSource(sampleLibrary());
	const ui = await show(source);
	try {
		await ui.type('/i\r');
		await ui.type('jj');
		const selected = ui.lines().find(line => line.includes('▸'))!;
		const library = sampleLibrary();
		library.posts.unshift({...library.posts[0]!, title: 'Fresh item', id: '/blog/fresh.md', absolutePath: '/blog/fresh.md', date: {iso: '2026-10-01', time: Date.parse('2026-10-01')}});
		await ui.act(() => {
			source.set(library);
		});
		assert.ok(ui.frame().includes('Fresh item'));
		assert.equal(ui.lines().find(line => line.includes('▸')), selected);
		assert.match(ui.lines()[0]!, /filter: i/);
	} finally {
		ui.unmount();
	}
});

test('10,000 posts: only the visible rows are drawn; G reaches the last', async () => {
	const seeds = Array.from({length: 10_000}, (_, index) => ({title: `Post number ${index}`, date: `2020-01-01`, absolutePath: `/blog/${String(index).padStart(5, '0')}.md`}));
	const ui = await show(staticLibrary(makeLibrary(seeds)), {columns: 80, rows: 24});
	try {
		const lines = ui.lines();
		assertFits(lines, 80, 24);
		assert.equal(lines.filter(line => line.includes('Post number')).length, 19, 'one screen of rows, not 10,000');
		await ui.type('G');
		assert.ok(ui.frame().includes('Post number 9999'));
		assertFits(ui.lines(), 80, 24);
		await ui.type('/number 4242');
		await ui.until('filter: number 4242');
		assert.match(ui.lines()[0]!, /of 10,000 posts · filter: number 4242/, 'the filter applies once typing pauses');
		assert.ok(ui.frame().includes('Post number 4242'));
	} finally {
		ui.unmount();
	}
});

test('at 120 columns a preview pane shows the selected post’s description and outline', async () => {
	const library = sampleLibrary();
	library.posts[0] = {...library.posts[0]!, headings: [{depth: 2, text: 'Serving', id: 'serving', inferred: false}, {depth: 3, text: 'Keys for readers', id: 'keys', inferred: false}] as Post['headings']};
	const ui = await show(staticLibrary(library), {columns: 130, rows: 24});
	try {
		const lines = ui.lines();
		assertFits(lines, 130, 24);
		assert.match(lines[2]!, /│ Reading blog-tui over SSH$/);
		assert.ok(lines.some(line => line.endsWith('│ Contents')));
		assert.ok(lines.some(line => line.endsWith('│ Serving')));
		assert.ok(lines.some(line => line.endsWith('│   Keys for readers')));
	} finally {
		ui.unmount();
	}
});

test('CJK titles keep the columns aligned and nothing overflows at any width', async () => {
	const library = makeLibrary([
		{title: '日本語のタイトルがとても長い場合の表示について考える', date: '2024-02-01', tags: ['日本語', 'cjk']},
		{title: 'An ASCII title', date: '2024-01-01', tags: ['ascii']},
	]);
	for (const columns of [100, 60, 40, 20]) {
		const ui = await show(staticLibrary(library), {columns, rows: 12});
		try {
			assertFits(ui.lines(), columns, 12);
			if (columns >= 60) {
				const rows = ui.lines().filter(line => line.includes('2024-'));
				const minutes = rows.map(line => stringWidth(line.slice(0, line.indexOf('3 min'))));
				assert.equal(minutes[0], minutes[1], `reading time at the same column:\n${rows.join('\n')}`);
			}
		} finally {
			ui.unmount();
		}
	}
});

test('q quits from the list but types into the filter', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		await ui.type('/q');
		assert.match(ui.lines().at(-1)!, /^ \/ q /);
	} finally {
		ui.unmount();
	}
});

test('keys batched in one write: a filter typed and kept, a tag picked with arrows', async () => {
	const ui = await show(staticLibrary(sampleLibrary()));
	try {
		await ui.type('/pager\r');
		assert.match(ui.lines()[0]!, /1 of 5 posts · filter: pager/);
		await ui.type(`${escape}#${down}${down}\r`);
		await ui.until('tag: ink');
		assert.match(ui.lines()[0]!, /tag: ink/);
	} finally {
		ui.unmount();
	}
});

test('resizing re-lays the list out to the new size, down to 20×6', async () => {
	const app = render(<App source={staticLibrary(sampleLibrary())} loadArticle={loadArticle}/>);
	try {
		for (const [columns, rows] of [[100, 30], [60, 20], [130, 24], [20, 6], [80, 24]] as const) {
			const before = app.lastFrame();
			sized(app.stdout, columns, rows);
			await settled(app.lastFrame, before);
			const lines = stripAnsi(app.lastFrame() ?? '').split('\n');
			assertFits(lines, columns, rows);
			assert.ok(lines.some(line => line.includes('▸')), `the selected row is in view at ${columns}×${rows}:\n${lines.join('\n')}`);
		}
	} finally {
		app.unmount();
	}
});

test('an open article follows its file through reloads; a deleted file leaves its last version', async () => {
	const first = makeLibrary([{title: 'Alpha', date: '2024-01-01', body: 'one', absolutePath: '/blog/alpha.md'}]);
	const source = liveSource(first);
	const ui = await show(source);
	try {
		await ui.type('\r');
		await ui.until('ARTICLE Alpha');
		await ui.act(() => {
			source.set(makeLibrary([{title: 'Alpha, revised', date: '2024-01-01', body: 'two', absolutePath: '/blog/alpha.md'}]));
		});
		await ui.until('ARTICLE Alpha, revised');
		assert.ok(ui.frame().includes('ARTICLE Alpha, revised'), ui.frame());
		await ui.act(() => {
			source.set(makeLibrary([]));
		});
		assert.ok(ui.frame().includes('ARTICLE Alpha, revised'), ui.frame());
		assert.match(ui.lines().at(-1)!, /⚠ alpha-revised\.md was deleted: this is its last version · esc back to the list/);
		assertFits(ui.lines(), 100, 24);
	} finally {
		ui.unmount();
	}
});

test('? in the list shows every list key by screen; Esc closes it', async () => {
	const app = render(<App source={staticLibrary(sampleLibrary())} loadArticle={loadArticle}/>);
	sized(app.stdout, 100, 40);
	await frameWhere(app, frame => frame.includes('Markdown showcase'), 'the list');
	app.stdin.write('?');
	const help = await frameWhere(app, frame => frame.includes('Keys in the list'), 'the key help');
	for (const title of ['Keys in the list', 'While filtering (/)', 'In the tag browser (#)', 'In full-text search (F)']) {
		assert.ok(help.includes(title), `${title} in:\n${help}`);
	}

	assert.match(help, /tag browser: filter by tag/);
	app.stdin.write('\u001B');
	await frameWhere(app, frame => !frame.includes('Keys in the list') && frame.includes('Markdown showcase'), 'the list again');
	app.unmount();
});

test('on a short terminal the key help says there is more and scrolls with j and space, never past its end', async () => {
	const app = render(<App source={staticLibrary(sampleLibrary())} loadArticle={loadArticle}/>);
	sized(app.stdout, 80, 24);
	await frameWhere(app, frame => frame.includes('Markdown showcase'), 'the list');
	app.stdin.write('?');
	const top = await frameWhere(app, frame => /↓ more: j or space/.test(frame), 'the key help with more below');
	assert.doesNotMatch(top, /In full-text search/);
	app.stdin.write('          ');
	const end = await frameWhere(app, frame => /\? in an article lists the reading keys/.test(frame), 'the end of the key help');
	assert.match(end, /In full-text search \(F\)/);
	assert.doesNotMatch(end, /↓ more/);
	app.stdin.write('k');
	await frameWhere(app, frame => frame !== end, 'one k after many spaces to move: the top was kept at the end');
	app.unmount();
});
