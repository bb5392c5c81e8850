import assert from 'node:assert/strict';
import {cpSync, existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {blog, runCli} from './run-cli.js';

const temporary: string[] = [];
after(() => {
	for (const folder of temporary) {
		rmSync(folder, {recursive: true, force: true});
	}
});

function scratch(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-cli-cache-'));
	temporary.push(folder);
	return folder;
}

/** The CLI fixture blog copied and dated an hour back (files written just now are never indexed). */
function agedBlog(): string {
	const root = path.join(scratch(), 'blog');
	cpSync(blog, root, {recursive: true});
	const then = new Date(Date.now() - 3_600_000);
	for (const entry of readdirSync(root, {withFileTypes: true, recursive: true})) {
		if (entry.isFile()) {
			utimesSync(path.join(entry.parentPath, entry.name), then, then);
		}
	}

	return root;
}

const indexFiles = (cacheHome: string) => (existsSync(path.join(cacheHome, 'blog-tui')) ? readdirSync(path.join(cacheHome, 'blog-tui')) : []);

test('list and read give the same output from the index as from the files, and the index is kept in XDG_CACHE_HOME', () => {
	const root = agedBlog();
	const cacheHome = scratch();
	const env = {XDG_CACHE_HOME: cacheHome};
	const fresh = runCli(['list', root, '--json', '--no-cache'], {env});
	assert.deepEqual(indexFiles(cacheHome), []);
	const first = runCli(['list', root, '--json'], {env});
	assert.equal(indexFiles(cacheHome).length, 1);
	const second = runCli(['list', root, '--json'], {env});
	for (const run of [first, second]) {
		assert.equal(run.status, 0, run.stderr);
		assert.equal(run.stdout, fresh.stdout);
		assert.equal(run.stderr, fresh.stderr);
	}

	const table = runCli(['list', root], {env});
	assert.equal(table.stdout, runCli(['list', root, '--no-cache'], {env}).stdout);
	const read = runCli(['read', 'rust-async', '--dir', root], {env});
	assert.equal(read.status, 0, read.stderr);
	assert.equal(read.stdout, runCli(['read', 'rust-async', '--dir', root, '--no-cache'], {env}).stdout);
	assert.match(read.stdout, /Async Rust without tears/);
});

test('--no-cache neither reads nor writes the index', () => {
	const root = agedBlog();
	const cacheHome = scratch();
	for (const args of [['list', root, '--no-cache'], ['list', root, '--json', '--no-cache'], ['read', 'rust-async', '--dir', root, '--no-cache']]) {
		assert.equal(runCli(args, {env: {XDG_CACHE_HOME: cacheHome}}).status, 0);
	}

	assert.deepEqual(readdirSync(cacheHome), []);
});

test('a corrupt index: one warning on stderr, the full list on stdout, and the next run is quiet', () => {
	const root = agedBlog();
	const cacheHome = scratch();
	const env = {XDG_CACHE_HOME: cacheHome};
	const expected = runCli(['list', root, '--json', '--no-cache'], {env});
	runCli(['list', root, '--json'], {env});
	const [name] = indexFiles(cacheHome);
	writeFileSync(path.join(cacheHome, 'blog-tui', name!), '{"parser":1,"files":{"notes.md":{"key":"1:2');
	const damaged = runCli(['list', root, '--json'], {env});
	assert.equal(damaged.status, 0);
	assert.equal(damaged.stdout, expected.stdout);
	const lines = damaged.stderr.split('\n').filter(Boolean);
	assert.equal(lines.length, 1, damaged.stderr);
	assert.match(lines[0]!, /^blog-tui: index cache .* is corrupt/);
	const after = runCli(['list', root, '--json'], {env});
	assert.equal(after.stderr, '');
	assert.equal(after.stdout, expected.stdout);
});

test('a cache folder that cannot be written: the list is complete, exit 0, one line of warning', () => {
	const root = agedBlog();
	const blocker = path.join(scratch(), 'not-a-folder');
	writeFileSync(blocker, '');
	const expected = runCli(['list', root, '--json', '--no-cache']);
	const run = runCli(['list', root, '--json'], {env: {XDG_CACHE_HOME: blocker}});
	assert.equal(run.status, 0);
	assert.equal(run.stdout, expected.stdout);
	assert.equal(run.stderr.split('\n').filter(Boolean).length, 1, run.stderr);
});

test('--no-cache is a flag of every command, and a typo of it is caught', () => {
	assert.equal(runCli(['list', agedBlog(), '--no-cache', '--json']).status, 0);
	const typo = runCli(['list', '--no-cahce']);
	assert.equal(typo.status, 2);
	assert.match(typo.stderr, /did you mean --no-cache\?/);
});
