import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {watchLibrary} from '../../source/content/watch-library.js';

function post(title: string, date: string): string {
	return `---\ntitle: ${title}\ndate: ${date}\n---\n\nBody of ${title}.\n`;
}

function folder(): string {
	const root = mkdtempSync(path.join(tmpdir(), 'blog-tui-watch-'));
	writeFileSync(path.join(root, 'one.md'), post('One', '2024-01-01'));
	writeFileSync(path.join(root, 'two.md'), post('Two', '2024-02-01'));
	return root;
}

function titles(posts: Array<{title: string}>): string[] {
	return posts.map(entry => entry.title).sort();
}

/** Waits for the next re-read, failing after `ms` instead of hanging the suite. */
async function nextRead<T>(settled: Promise<T>, ms = 5000): Promise<T> {
	return Promise.race([settled, delay(ms).then(() => {
		throw new Error(`no re-read within ${ms} ms`);
	})]);
}

test('reports indexing progress, then the library; the label is kept', async () => {
	const root = folder();
	const watcher = watchLibrary(root, {label: './blog', watch: false});
	try {
		assert.deepEqual(watcher.indexing(), {read: 0, total: undefined});
		assert.deepEqual(watcher.current().posts, []);
		const seen: Array<{read: number; total: number | undefined} | undefined> = [];
		watcher.subscribe(() => seen.push(watcher.indexing()));
		const library = await watcher.ready;
		assert.deepEqual(titles(library.posts), ['One', 'Two']);
		assert.equal(library.label, './blog');
		assert.equal(watcher.current(), library);
		assert.equal(watcher.indexing(), undefined);
		assert.deepEqual(seen.filter(Boolean).at(-1), {read: 2, total: 2}, 'the last progress counts every file');
		assert.equal(watcher.watching, false);
	} finally {
		watcher.close();
		rmSync(root, {recursive: true, force: true});
	}
});

test('added, changed and removed posts reach subscribers; other files are ignored', async () => {
	const root = folder();
	const watcher = watchLibrary(root, {label: root, watch: true, debounceMs: 30});
	try {
		await watcher.ready;
		// The watcher starts right after the first read; give it a moment to be in place.
		await delay(100);
		assert.equal(watcher.watching, true);
		let notified = 0;
		watcher.subscribe(() => notified++);

		let settled = watcher.settled();
		mkdirSync(path.join(root, 'nested'));
		writeFileSync(path.join(root, 'nested', 'three.md'), post('Three', '2024-03-01'));
		assert.deepEqual(titles((await nextRead(settled)).posts), ['One', 'Three', 'Two']);
		assert.ok(notified > 0);

		const two = watcher.current().posts.find(entry => entry.title === 'Two');
		settled = watcher.settled();
		writeFileSync(path.join(root, 'one.md'), post('One, revised', '2024-01-01'));
		const revised = await nextRead(settled);
		assert.deepEqual(titles(revised.posts), ['One, revised', 'Three', 'Two']);
		assert.equal(revised.posts.find(entry => entry.title === 'Two'), two, 'an unchanged post keeps its object');

		settled = watcher.settled();
		rmSync(path.join(root, 'two.md'));
		assert.deepEqual(titles((await nextRead(settled)).posts), ['One, revised', 'Three']);

		const before = watcher.current();
		writeFileSync(path.join(root, 'notes.txt'), 'not a post');
		writeFileSync(path.join(root, '.one.md.swp'), 'swap');
		await delay(300);
		assert.equal(watcher.current(), before, 'no re-read for files that are not posts');
	} finally {
		watcher.close();
		rmSync(root, {recursive: true, force: true});
	}
});

test('a single post file given as the root is followed through replace-on-save', async () => {
	const root = folder();
	const file = path.join(root, 'one.md');
	const watcher = watchLibrary(file, {label: 'one.md', watch: true, debounceMs: 30});
	try {
		assert.deepEqual(titles((await watcher.ready).posts), ['One']);
		await delay(100);
		const settled = watcher.settled();
		writeFileSync(`${file}.tmp`, post('One, saved', '2024-01-01'));
		rmSync(file);
		writeFileSync(file, post('One, saved', '2024-01-01'));
		assert.deepEqual(titles((await nextRead(settled)).posts), ['One, saved']);
	} finally {
		watcher.close();
		rmSync(root, {recursive: true, force: true});
	}
});

test('a missing root is a problem in the library, not a crash', async () => {
	const missing = path.join(tmpdir(), 'blog-tui-does-not-exist-4b1f');
	const watcher = watchLibrary(missing, {label: './gone', watch: true});
	try {
		const library = await watcher.ready;
		assert.deepEqual(library.posts, []);
		assert.equal(library.problems.length, 1);
		assert.match(library.problems[0]!.problem, /does not exist/);
		assert.equal(library.label, './gone');
		await delay(50);
		assert.equal(watcher.watching, false);
	} finally {
		watcher.close();
	}
});

/** Polls until `check` holds, failing after `ms` instead of hanging the suite. */
async function eventually(check: () => boolean, what: string, ms = 10_000): Promise<void> {
	for (const deadline = Date.now() + ms; !check();) {
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}

		await delay(20);
	}
}

test('a folder removed and made again (a deploy) is followed: the gap names only the label, then the new posts appear', async () => {
	const root = folder();
	const watcher = watchLibrary(root, {label: 'site', watch: true, debounceMs: 30, pollMs: 50});
	try {
		await watcher.ready;
		await eventually(() => watcher.watching, 'the watcher');
		rmSync(root, {recursive: true, force: true});
		await eventually(() => watcher.current().posts.length === 0, 'the removal noticed');
		const problems = watcher.current().problems.map(problem => problem.problem);
		assert.deepEqual(problems, ['site does not exist']);
		assert.ok(!JSON.stringify(problems).includes(root), 'the absolute path is not in what readers see');

		mkdirSync(root);
		writeFileSync(path.join(root, 'three.md'), post('Three', '2024-03-01'));
		await eventually(() => titles(watcher.current().posts).includes('Three'), 'the folder made again');
		await eventually(() => watcher.watching, 'watching the new folder');
		writeFileSync(path.join(root, 'four.md'), post('Four', '2024-04-01'));
		await eventually(() => titles(watcher.current().posts).join() === 'Four,Three', 'a post saved in the new folder');
		assert.deepEqual(watcher.current().problems, []);
	} finally {
		watcher.close();
		rmSync(root, {recursive: true, force: true});
	}
});

test('a root that is a symlink switched to another release (ln -sfn, rename) is followed', async () => {
	const base = mkdtempSync(path.join(tmpdir(), 'blog-tui-releases-'));
	const first = path.join(base, 'release-1');
	const second = path.join(base, 'release-2');
	mkdirSync(first);
	mkdirSync(second);
	writeFileSync(path.join(first, 'old.md'), post('Old', '2024-01-01'));
	writeFileSync(path.join(second, 'new.md'), post('New', '2024-02-01'));
	const current = path.join(base, 'current');
	symlinkSync('release-1', current);
	const watcher = watchLibrary(current, {label: 'current', watch: true, debounceMs: 30, pollMs: 50});
	try {
		assert.deepEqual(titles((await watcher.ready).posts), ['Old']);
		await eventually(() => watcher.watching, 'the watcher');
		// What `ln -sfn` and deploy tools do: a new link, renamed over the old one in one step.
		symlinkSync('release-2', path.join(base, 'current.next'));
		renameSync(path.join(base, 'current.next'), current);
		await eventually(() => titles(watcher.current().posts).join() === 'New', 'the new release');
		writeFileSync(path.join(second, 'newer.md'), post('Newer', '2024-03-01'));
		await eventually(() => titles(watcher.current().posts).join() === 'New,Newer', 'a post saved in the new release');
		writeFileSync(path.join(first, 'stale.md'), post('Stale', '2024-04-01'));
		await delay(200);
		assert.deepEqual(titles(watcher.current().posts), ['New', 'Newer'], 'the old release is no longer followed');
	} finally {
		watcher.close();
		rmSync(base, {recursive: true, force: true});
	}
});

test('a self-symlink saved into a watched folder is a problem row, and the folder is still followed', async () => {
	const root = folder();
	const watcher = watchLibrary(root, {label: 'site', watch: true, debounceMs: 30, pollMs: 50});
	try {
		await watcher.ready;
		await eventually(() => watcher.watching, 'the watcher');
		symlinkSync('racy.md', path.join(root, 'racy.md'));
		await eventually(() => watcher.current().problems.some(problem => problem.path === 'racy.md'), 'the link reported');
		assert.deepEqual(watcher.current().problems.map(problem => [problem.path, problem.problem]), [['racy.md', 'symlink loop']]);
		assert.equal(watcher.watching, true);
		writeFileSync(path.join(root, 'three.md'), post('Three', '2024-03-01'));
		await eventually(() => titles(watcher.current().posts).includes('Three'), 'a post saved after the link');
		assert.equal(watcher.watching, true);
	} finally {
		watcher.close();
		rmSync(root, {recursive: true, force: true});
	}
});

test('atomic saves (write a temporary file, rename it over the post) are followed every time, in nested folders too', async () => {
	const root = folder();
	mkdirSync(path.join(root, 'nested'));
	writeFileSync(path.join(root, 'nested', 'deep.md'), post('Deep', '2024-03-01'));
	const watcher = watchLibrary(root, {label: root, watch: true, debounceMs: 30});
	try {
		await watcher.ready;
		await delay(100);
		for (const [index, file] of [path.join(root, 'one.md'), path.join(root, 'one.md'), path.join(root, 'nested', 'deep.md'), path.join(root, 'nested', 'deep.md'), path.join(root, 'one.md')].entries()) {
			const settled = watcher.settled();
			writeFileSync(`${file}.tmp`, post(`Save ${index}`, '2024-01-01'));
			renameSync(`${file}.tmp`, file);
			assert.ok(titles((await nextRead(settled)).posts).includes(`Save ${index}`), `save ${index} of ${file} is read`);
		}

		// A folder that arrives later (renamed into place, as a checkout does) is followed too.
		mkdirSync(path.join(root, '.incoming'));
		writeFileSync(path.join(root, '.incoming', 'late.md'), post('Late', '2024-04-01'));
		let settled = watcher.settled();
		renameSync(path.join(root, '.incoming'), path.join(root, 'later'));
		assert.ok(titles((await nextRead(settled)).posts).includes('Late'));
		await delay(100);
		settled = watcher.settled();
		writeFileSync(path.join(root, 'later', 'late.md.tmp'), post('Late, saved', '2024-04-01'));
		renameSync(path.join(root, 'later', 'late.md.tmp'), path.join(root, 'later', 'late.md'));
		assert.ok(titles((await nextRead(settled)).posts).includes('Late, saved'));
	} finally {
		watcher.close();
		rmSync(root, {recursive: true, force: true});
	}
});

test('reload reads the files again by hand, even when changes are not followed', async () => {
	const root = folder();
	const watcher = watchLibrary(root, {label: root, watch: false});
	try {
		await watcher.ready;
		writeFileSync(path.join(root, 'one.md'), post('One, edited unseen', '2024-01-01'));
		assert.deepEqual(titles((await nextRead(watcher.reload())).posts), ['One, edited unseen', 'Two']);
		assert.equal(watcher.watching, false);
	} finally {
		watcher.close();
		rmSync(root, {recursive: true, force: true});
	}
});
