import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {createPositionStore, positionsFile} from '../../source/cli/reading-positions.js';

function temporaryFolder(t: {after: (fn: () => void) => void}): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-positions-'));
	t.after(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}

test('positions survive a restart: a second store reads what the first wrote on close', t => {
	const file = path.join(temporaryFolder(t), 'state', 'blog-tui', 'positions.json');
	const first = createPositionStore({file, root: '/blogs/mine'});
	first.set('markdown-showcase', 42);
	first.set('keys', 7);
	first.set('markdown-showcase', 58);
	first.close();

	const second = createPositionStore({file, root: '/blogs/mine'});
	assert.equal(second.get('markdown-showcase'), 58);
	assert.equal(second.get('keys'), 7);
	assert.equal(second.get('unknown'), undefined);
	assert.deepEqual(second.warnings(), []);
	assert.deepEqual(first.warnings(), []);
});

test('the same slug in two libraries is two positions', t => {
	const file = path.join(temporaryFolder(t), 'positions.json');
	const mine = createPositionStore({file, root: '/blogs/mine'});
	mine.set('hello', 10);
	mine.close();
	const theirs = createPositionStore({file, root: '/blogs/theirs'});
	assert.equal(theirs.get('hello'), undefined);
	theirs.set('hello', 3);
	theirs.close();

	assert.equal(createPositionStore({file, root: '/blogs/mine'}).get('hello'), 10);
	assert.equal(createPositionStore({file, root: '/blogs/theirs'}).get('hello'), 3);
});

test('writes wait for the debounce, then land without a close', async t => {
	const file = path.join(temporaryFolder(t), 'positions.json');
	const store = createPositionStore({file, root: '/r', debounceMs: 20});
	store.set('a', 1);
	store.set('a', 2);
	store.set('a', 3);
	assert.throws(() => readFileSync(file), {code: 'ENOENT'}, 'nothing is written on every keypress');
	await delay(200);
	assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), {version: 1, positions: [{root: '/r', slug: 'a', line: 3}]});
	store.close();
});

test('the file is replaced by rename: no temporary file is left behind', t => {
	const folder = temporaryFolder(t);
	const file = path.join(folder, 'positions.json');
	const store = createPositionStore({file, root: '/r'});
	store.set('a', 1);
	store.flush();
	store.set('a', 2);
	store.close();
	assert.deepEqual(readdirSync(folder), ['positions.json']);
});

test('two sessions at once keep each other\'s positions', t => {
	const file = path.join(temporaryFolder(t), 'positions.json');
	const one = createPositionStore({file, root: '/r'});
	const two = createPositionStore({file, root: '/r'});
	one.set('first', 5);
	two.set('second', 9);
	one.close();
	two.close();
	const after = createPositionStore({file, root: '/r'});
	assert.equal(after.get('first'), 5);
	assert.equal(after.get('second'), 9);
});

test('a corrupt file is ignored with one warning and rewritten on the next save', t => {
	const file = path.join(temporaryFolder(t), 'positions.json');
	writeFileSync(file, '{"version": 1, "positions": [');
	const store = createPositionStore({file, root: '/r'});
	assert.equal(store.get('a'), undefined);
	assert.deepEqual(store.warnings(), [`${file} is not valid JSON: reading positions start afresh`]);
	store.set('a', 4);
	store.close();
	assert.deepEqual(store.warnings(), [`${file} is not valid JSON: reading positions start afresh`]);
	const again = createPositionStore({file, root: '/r'});
	assert.equal(again.get('a'), 4);
	assert.deepEqual(again.warnings(), []);
});

test('valid JSON of another shape is ignored with a warning; bad entries inside a good file are dropped', t => {
	const file = path.join(temporaryFolder(t), 'positions.json');
	writeFileSync(file, '[1, 2, 3]');
	assert.deepEqual(createPositionStore({file, root: '/r'}).warnings(), [`${file} is not a blog-tui positions file (version 1): reading positions start afresh`]);

	writeFileSync(file, JSON.stringify({version: 1, positions: [{root: '/r', slug: 'good', line: 12}, {root: '/r', slug: 'negative', line: -1}, {root: '/r', slug: 'fraction', line: 1.5}, {slug: 'no-root', line: 1}, null, 'text']}));
	const store = createPositionStore({file, root: '/r'});
	assert.deepEqual(store.warnings(), []);
	assert.equal(store.get('good'), 12);
	assert.equal(store.get('negative'), undefined);
	assert.equal(store.get('fraction'), undefined);
});

test('an unwritable folder: positions still work for the run, one warning, no throw', t => {
	const blocker = path.join(temporaryFolder(t), 'not-a-folder');
	writeFileSync(blocker, 'a regular file where the state folder should be');
	// Under a regular file mkdir fails with ENOTDIR even for root, which ignores permission bits.
	const file = path.join(blocker, 'blog-tui', 'positions.json');
	const store = createPositionStore({file, root: '/r'});
	assert.deepEqual(store.warnings(), []);
	store.set('a', 3);
	assert.doesNotThrow(() => {
		store.flush();
	});
	store.set('a', 6);
	store.set('b', 1);
	store.close();
	assert.equal(store.get('a'), 6);
	assert.equal(store.get('b'), 1);
	assert.deepEqual(store.warnings(), [`cannot save reading positions to ${file} (ENOTDIR): they last only for this run`]);
});

test('only the most recent entries are kept', t => {
	const file = path.join(temporaryFolder(t), 'positions.json');
	const store = createPositionStore({file, root: '/r', limit: 3});
	for (const [index, slug] of ['a', 'b', 'c', 'd'].entries()) {
		store.set(slug, index + 1);
	}

	store.set('b', 20);
	store.set('e', 5);
	assert.equal(store.get('a'), undefined);
	assert.equal(store.get('c'), undefined, 'c was read longer ago than b, which was read again');
	store.close();
	const saved = JSON.parse(readFileSync(file, 'utf8')) as {positions: Array<{slug: string; line: number}>};
	assert.deepEqual(saved.positions.map(({slug, line}) => [slug, line]), [['d', 4], ['b', 20], ['e', 5]]);
	const again = createPositionStore({file, root: '/r', limit: 3});
	assert.equal(again.get('a'), undefined);
	assert.equal(again.get('b'), 20);
});

test('the bound holds across libraries when merging with the file on disk', t => {
	const file = path.join(temporaryFolder(t), 'positions.json');
	const one = createPositionStore({file, root: '/one', limit: 2});
	one.set('x', 1);
	one.set('y', 2);
	one.close();
	const two = createPositionStore({file, root: '/two', limit: 2});
	two.set('z', 3);
	two.close();
	const saved = JSON.parse(readFileSync(file, 'utf8')) as {positions: Array<{root: string; slug: string}>};
	assert.deepEqual(saved.positions.map(({root, slug}) => `${root}:${slug}`), ['/one:y', '/two:z']);
});

test('the file lives under $XDG_STATE_HOME/blog-tui, else ~/.local/state/blog-tui', () => {
	assert.equal(positionsFile({XDG_STATE_HOME: '/var/state'}, '/home/ada'), '/var/state/blog-tui/positions.json');
	assert.equal(positionsFile({}, '/home/ada'), '/home/ada/.local/state/blog-tui/positions.json');
	assert.equal(positionsFile({XDG_STATE_HOME: ''}, '/home/ada'), '/home/ada/.local/state/blog-tui/positions.json');
	assert.equal(positionsFile({XDG_STATE_HOME: 'relative/state'}, '/home/ada'), '/home/ada/.local/state/blog-tui/positions.json', 'a relative path is invalid per the XDG spec');
});

test('a FIFO where the positions file should be never blocks: a warning, and positions start afresh', t => {
	const file = path.join(temporaryFolder(t), 'positions.json');
	execFileSync('mkfifo', [file]);
	// In a child: a blocking read would stop this process's own timers, the test's timeout too.
	const script = `import {createPositionStore} from ${JSON.stringify(new URL('../../source/cli/reading-positions.ts', import.meta.url).href)};
		const store = createPositionStore({file: ${JSON.stringify(file)}, root: '/blogs/mine'});
		store.set('hello', 4);
		store.close();
		console.log(JSON.stringify(store.warnings()));`;
	const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8', timeout: 20_000});
	assert.equal(result.signal, null, 'the store blocked on the FIFO');
	assert.equal(result.status, 0, result.stderr);
	assert.deepEqual(JSON.parse(result.stdout), [`cannot read ${file} (not a regular file): reading positions start afresh`]);
	assert.equal(JSON.parse(readFileSync(file, 'utf8')).positions[0].slug, 'hello', 'the first write replaces the FIFO with the file');
});
