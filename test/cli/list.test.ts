import assert from 'node:assert/strict';
import test from 'node:test';
import stringWidth from 'string-width';
import {blog, runCli} from './run-cli.js';

type Entry = Record<string, unknown>;

function listJson(...args: string[]): Entry[] {
	const run = runCli(['list', blog, '--json', ...args]);
	assert.equal(run.status, 0, run.stderr);
	assert.equal(run.stderr, '');
	return JSON.parse(run.stdout) as Entry[];
}

test('list --json: every field of every post, then the unreadable files; drafts left out', () => {
	const entries = listJson();
	assert.deepEqual(entries.map(entry => entry['slug'] ?? entry['path']), ['rust-async', 'microservices', 'notes', 'half-broken', 'broken/empty.md', 'broken/image.md']);
	for (const entry of entries.slice(0, 4)) {
		assert.deepEqual(Object.keys(entry), ['slug', 'title', 'date', 'updated', 'tags', 'description', 'readingMinutes', 'draft', 'author', 'path', 'headings', 'warnings']);
	}

	assert.deepEqual(entries[0], {
		slug: 'rust-async',
		title: 'Async Rust without tears',
		date: '2025-01-15T10:30:00Z',
		updated: '2025-02-01',
		tags: ['rust', 'async'],
		description: 'Futures, executors and the borrow checker, gently.',
		readingMinutes: 1,
		draft: false,
		author: null,
		path: 'rust-async.md',
		headings: [
			{depth: 2, text: 'Futures are lazy', id: 'futures-are-lazy', inferred: false},
			{depth: 2, text: 'Picking a runtime', id: 'picking-a-runtime', inferred: false},
		],
		warnings: [],
	});
	assert.deepEqual(entries[1], {
		slug: 'microservices',
		title: 'Microservices: lessons from forty services',
		date: '2024-03-10',
		updated: null,
		tags: ['Go', 'Kubernetes', 'architecture'],
		description: 'What splitting a monolith taught us about boundaries.',
		readingMinutes: 1,
		draft: false,
		author: 'Jane Doe',
		path: '2024-03-10-microservices.md',
		headings: [
			{depth: 2, text: 'Why split', id: 'why-split', inferred: false},
			{depth: 3, text: 'Drawing boundaries', id: 'drawing-boundaries', inferred: false},
			{depth: 2, text: 'Conclusion', id: 'conclusion', inferred: false},
		],
		warnings: [],
	});
	assert.deepEqual(entries[2], {
		slug: 'notes',
		title: 'Field notes',
		date: null,
		updated: null,
		tags: [],
		description: 'Some things I keep forgetting, written down at last.',
		readingMinutes: 1,
		draft: false,
		author: null,
		path: 'notes.md',
		headings: [
			{depth: 2, text: 'Setup', id: 'setup', inferred: true},
			{depth: 2, text: 'Daily use', id: 'daily-use', inferred: true},
		],
		warnings: [],
	});
	// Read with a problem: listed once, as a post whose warnings say what was wrong.
	const halfBroken = entries[3]!;
	assert.equal(halfBroken['path'], 'half-broken.md');
	assert.equal(halfBroken['title'], 'Half-broken');
	assert.equal((halfBroken['warnings'] as string[]).length, 1);
	assert.match((halfBroken['warnings'] as string[])[0]!, /^frontmatter: .*\(line \d+, column \d+\)$/);
	assert.deepEqual(entries.slice(4), [
		{path: 'broken/empty.md', problem: 'empty file'},
		{path: 'broken/image.md', problem: 'binary file, not text'},
	]);
});

test('list --json --drafts adds drafts, flagged; --tag filters with every tag, in any case', () => {
	const withDrafts = listJson('--drafts');
	assert.deepEqual(withDrafts[0], {
		slug: 'upcoming',
		title: 'Coming soon',
		date: '2026-01-01',
		updated: null,
		tags: ['rust'],
		description: 'Not ready yet.',
		readingMinutes: 1,
		draft: true,
		author: null,
		path: '_drafts/upcoming.md',
		headings: [],
		warnings: [],
	});
	const slugs = (entries: Entry[]) => entries.filter(entry => 'slug' in entry).map(entry => entry['slug']);
	assert.deepEqual(slugs(listJson('--tag', 'RUST')), ['rust-async']);
	assert.deepEqual(slugs(listJson('--tag', 'rust', '--drafts')), ['upcoming', 'rust-async']);
	assert.deepEqual(slugs(listJson('-t', 'rust', '--tag=Async')), ['rust-async']);
	assert.deepEqual(slugs(listJson('--tag', 'rust', '--tag', 'go')), []);
	assert.deepEqual(slugs(listJson('--tag', 'kubernetes')), ['microservices']);
});

test('list --ext txt also reads .txt files', () => {
	const entries = listJson('--ext', 'txt');
	assert.deepEqual(entries.filter(entry => entry['path'] === 'extra.txt').map(entry => entry['title']), ['Plain text notes']);
	assert.equal(listJson().some(entry => entry['path'] === 'extra.txt'), false);
});

test('list: an aligned table fitted to COLUMNS, problems on stderr, exit 0', () => {
	const run = runCli(['list', blog], {env: {COLUMNS: '80'}});
	assert.equal(run.status, 0);
	assert.equal(run.stdout, [
		'2025-01-15  Async Rust without tears                    rust, async        1 min',
		'2024-03-10  Microservices: lessons from forty services  Go, Kubernetes, …  1 min',
		'undated     Field notes                                                    1 min',
		'undated     Half-broken                                                    1 min',
		'',
	].join('\n'));
	const stderr = run.stderr.split('\n');
	assert.deepEqual(stderr.filter(line => !line.startsWith('blog-tui: half-broken.md: frontmatter: ')), [
		'blog-tui: broken/empty.md: empty file (not listed)',
		'blog-tui: broken/image.md: binary file, not text (not listed)',
		'',
	]);
	assert.equal(stderr.length, 4);
});

test('list: narrow terminals drop the tags column; --width beats COLUMNS; drafts are marked', () => {
	const narrow = runCli(['list', blog, '--drafts'], {env: {COLUMNS: '50'}});
	assert.equal(narrow.stdout.split('\n')[0], '2026-01-01  [draft] Coming soon              1 min');
	for (const line of narrow.stdout.trimEnd().split('\n')) {
		assert.ok(stringWidth(line) <= 50, line);
		assert.doesNotMatch(line, /Kubernetes/);
	}

	const wide = runCli(['list', blog, '--width', '119'], {env: {COLUMNS: '50'}});
	assert.match(wide.stdout, /^2024-03-10 {2}Microservices: lessons from forty services {2}Go, Kubernetes, architecture {2}1 min$/m);
	const slugs = runCli(['list', blog, '--width', '120'], {env: {COLUMNS: '50'}});
	assert.match(slugs.stdout, /^2024-03-10 {2}Microservices: lessons from forty services {2}Go, Kubernetes, architecture {2}microservices {2}1 min$/m, 'from 120 columns, the slug');
});

test('list: plain text when piped, coloured with FORCE_COLOR, none with --no-color', () => {
	assert.doesNotMatch(runCli(['list', blog]).stdout, /\u001B/);
	assert.match(runCli(['list', blog], {env: {FORCE_COLOR: '1'}}).stdout, /\u001B\[/);
	assert.doesNotMatch(runCli(['list', blog, '--no-color'], {env: {FORCE_COLOR: '1'}}).stdout, /\u001B/);
});

test('list: no match says so on stderr, exit 0', () => {
	const run = runCli(['list', blog, '--tag', 'cobol']);
	assert.equal(run.status, 0);
	assert.equal(run.stdout, '');
	assert.match(run.stderr, /^blog-tui: no posts tagged cobol in .*fixtures\/blog — drafts are hidden; --drafts shows them$/m);
});

test('blog-tui [path] with stdout not a terminal prints the list table', () => {
	const browse = runCli([blog], {env: {COLUMNS: '80'}});
	const list = runCli(['list', blog], {env: {COLUMNS: '80'}});
	assert.equal(browse.status, 0);
	assert.equal(browse.stdout, list.stdout);
	assert.match(browse.stdout, /Async Rust without tears/);
});
