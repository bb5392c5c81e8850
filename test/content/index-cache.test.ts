import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {cacheFolder} from '../../source/content/index-cache.js';
import {loadLibrary} from '../../source/content/load-library.js';
import type {Library, Post} from '../../source/content/post.js';
import {keepUnchanged} from '../../source/content/watch-library.js';

const corpus = fileURLToPath(new URL('../fixtures/posts', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));
const temporary: string[] = [];
after(() => {
	for (const folder of temporary) {
		rmSync(folder, {recursive: true, force: true});
	}
});

function scratch(prefix: string): string {
	const folder = mkdtempSync(path.join(tmpdir(), prefix));
	temporary.push(folder);
	return folder;
}

const anHourAgo = () => new Date(Date.now() - 3_600_000);

/** Every file under `folder` dated an hour back: files written just now are never trusted to the cache. */
function age(folder: string): void {
	for (const entry of readdirSync(folder, {withFileTypes: true, recursive: true})) {
		if (entry.isFile()) {
			utimesSync(path.join(entry.parentPath, entry.name), anHourAgo(), anHourAgo());
		}
	}
}

/** A copy of the fixture corpus (odd frontmatter, encodings, broken files, drafts, bundles), aged. */
function corpusCopy(): string {
	const root = path.join(scratch('blog-tui-cache-posts-'), 'posts');
	cpSync(corpus, root, {recursive: true, verbatimSymlinks: true});
	age(root);
	return root;
}

/** Whether a post came from the index (its body not read yet) rather than from its file. */
const fromIndex = (post: Post) => Object.getOwnPropertyDescriptor(post, 'body')?.get !== undefined;

function load(root: string, folder: string, warnings: string[] = []): Promise<Library> {
	return loadLibrary(root, {cache: {folder, onWarning: message => warnings.push(message)}});
}

test('a second load comes from the index and gives exactly what a cold read gives', async () => {
	const root = corpusCopy();
	const folder = scratch('blog-tui-cache-');
	const cold = await loadLibrary(root);
	const first = await load(root, folder);
	assert.equal(first.posts.filter(post => fromIndex(post)).length, 0);
	assert.ok(readdirSync(folder).some(name => name.startsWith('index-') && name.endsWith('.json')));
	const second = await load(root, folder);
	assert.ok(second.posts.length > 20);
	assert.ok(second.posts.every(post => fromIndex(post)), 'every post came from the index');
	// Reading each body (deep equality does) fetches it from its file.
	assert.deepEqual(second, cold);
	assert.deepEqual(first, cold);
});

test('an edited, an added and a removed file are each read again; the rest stays indexed', async () => {
	const root = corpusCopy();
	const folder = scratch('blog-tui-cache-');
	await load(root, folder);
	const edited = path.join(root, 'draft-flag.md');
	const before = statSync(edited);
	const text = readFileSync(edited, 'utf8');
	// Same size and the same mtime put back: only the change time tells.
	writeFileSync(edited, text.replace(/title: .{4}/, 'title: Edit'));
	assert.equal(statSync(edited).size, before.size);
	utimesSync(edited, before.atime, before.mtime);
	writeFileSync(path.join(root, 'added.md'), '---\ntitle: Added later\ndate: 2021-02-03\n---\nNew text.\n');
	utimesSync(path.join(root, 'added.md'), anHourAgo(), anHourAgo());
	rmSync(path.join(root, 'file-name-fallback.md'));

	const warnings: string[] = [];
	const again = await load(root, folder, warnings);
	assert.deepEqual(warnings, []);
	const byPath = new Map(again.posts.map(post => [post.path, post]));
	assert.deepEqual(again.posts.filter(post => !fromIndex(post)).map(post => post.path).sort(), ['added.md', 'draft-flag.md']);
	assert.match(byPath.get('draft-flag.md')!.title, /^Edit/);
	assert.equal(byPath.get('added.md')?.title, 'Added later');
	assert.equal(byPath.has('file-name-fallback.md'), false);
	assert.deepEqual(again, await loadLibrary(root));

	const third = await load(root, folder);
	assert.deepEqual(third.posts.filter(post => !fromIndex(post)).map(post => post.path), [], 'the changes were written to the index');
	assert.equal(third.posts.some(post => post.path === 'file-name-fallback.md'), false);
});

test('a file written just now is not trusted to the index (its next write may keep the same time stamp)', async () => {
	const root = scratch('blog-tui-cache-posts-');
	const folder = scratch('blog-tui-cache-');
	writeFileSync(path.join(root, 'old.md'), '# Old\n\nText.\n');
	utimesSync(path.join(root, 'old.md'), anHourAgo(), anHourAgo());
	writeFileSync(path.join(root, 'fresh.md'), '# Fresh\n\nText.\n');
	await load(root, folder);
	writeFileSync(path.join(root, 'fresh.md'), '# Fresh!\n\nText\n');
	const again = await load(root, folder);
	const byPath = new Map(again.posts.map(post => [post.path, post]));
	assert.equal(fromIndex(byPath.get('old.md')!), true);
	assert.equal(fromIndex(byPath.get('fresh.md')!), false);
	assert.equal(byPath.get('fresh.md')!.title, 'Fresh!');
});

test('a corrupt index gives one warning and the full, correct list, and is written afresh', async () => {
	const root = corpusCopy();
	const folder = scratch('blog-tui-cache-');
	await load(root, folder);
	const [name] = readdirSync(folder);
	const file = path.join(folder, name!);
	const cold = await loadLibrary(root);
	for (const damage of ['{"parser":1,"files":{"a.md":', 'not json at all', '[]', '{"files":"none"}']) {
		writeFileSync(file, damage);
		const warnings: string[] = [];
		assert.deepEqual(await load(root, folder, warnings), cold);
		assert.equal(warnings.length, 1, `one warning for ${damage}`);
		assert.match(warnings[0]!, /index cache .* is corrupt/);
		const healed: string[] = [];
		const next = await load(root, folder, healed);
		assert.deepEqual(healed, []);
		assert.ok(next.posts.every(post => fromIndex(post)));
	}
});

test('entries of the wrong shape are read from their files, silently', async () => {
	const root = corpusCopy();
	const folder = scratch('blog-tui-cache-');
	await load(root, folder);
	const file = path.join(folder, readdirSync(folder)[0]!);
	const index = JSON.parse(readFileSync(file, 'utf8')) as {files: Record<string, {post?: Record<string, unknown>}>};
	const entry = index.files['draft-flag.md']!;
	entry.post!['tags'] = 'not a list';
	writeFileSync(file, JSON.stringify(index));
	const again = await load(root, folder);
	assert.deepEqual(again, await loadLibrary(root));
	assert.equal(fromIndex(again.posts.find(post => post.path === 'draft-flag.md')!), false);
});

test('an index from another parser version is not used, and not called corrupt', async () => {
	const root = corpusCopy();
	const folder = scratch('blog-tui-cache-');
	await load(root, folder);
	const file = path.join(folder, readdirSync(folder)[0]!);
	const index = JSON.parse(readFileSync(file, 'utf8')) as {parser: number};
	index.parser = -1;
	writeFileSync(file, JSON.stringify(index));
	const warnings: string[] = [];
	const again = await load(root, folder, warnings);
	assert.deepEqual(warnings, []);
	assert.equal(again.posts.some(post => fromIndex(post)), false);
});

test('a cache folder that cannot be made costs one warning and nothing else', async () => {
	const root = corpusCopy();
	const blocker = path.join(scratch('blog-tui-cache-'), 'a-file');
	writeFileSync(blocker, 'in the way');
	const warnings: string[] = [];
	assert.deepEqual(await load(root, path.join(blocker, 'blog-tui'), warnings), await loadLibrary(root));
	assert.equal(warnings.length, 1);
	assert.match(warnings[0]!, /^index cache .* could not be (read|written)/);
});

test('a single file is read without an index', async () => {
	const folder = scratch('blog-tui-cache-');
	await load(path.join(corpusCopy(), 'draft-flag.md'), folder);
	assert.equal(existsSync(folder) && readdirSync(folder).length, 0);
});

test('two processes indexing at once both finish with the full list, and leave a whole index', async () => {
	const root = corpusCopy();
	const folder = scratch('blog-tui-cache-');
	const script = `import {loadLibrary} from ${JSON.stringify(path.join(repository, 'source/content/load-library.ts'))};
const library = await loadLibrary(process.argv[1], {cache: {folder: process.argv[2], onWarning: message => console.error(message)}});
console.log(library.posts.length);`;
	const run = () => new Promise<{code: number | null; out: string; err: string}>(resolve => {
		const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, root, folder], {cwd: repository});
		let out = '';
		let err = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			out += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			err += chunk;
		});
		child.on('close', code => {
			resolve({code, out, err});
		});
	});
	const cold = await loadLibrary(root);
	const results = await Promise.all([run(), run(), run()]);
	for (const result of results) {
		assert.equal(result.code, 0, result.err);
		assert.equal(result.err, '');
		assert.equal(Number(result.out), cold.posts.length);
	}

	assert.deepEqual(readdirSync(folder).filter(name => name.endsWith('.tmp')), [], 'no temporary file left behind');
	const warnings: string[] = [];
	const next = await load(root, folder, warnings);
	assert.deepEqual(warnings, []);
	assert.ok(next.posts.every(post => fromIndex(post)));
	assert.deepEqual(next, cold);
});

test('a re-read keeps indexed posts that did not change without reading their bodies', async () => {
	const root = corpusCopy();
	const folder = scratch('blog-tui-cache-');
	await load(root, folder);
	const first = await load(root, folder);
	const second = await load(root, folder);
	const kept = keepUnchanged(first, second);
	assert.ok(kept.posts.every((post, index) => post === first.posts[index]));
	assert.ok(first.posts.every(post => fromIndex(post)), 'no body was read to compare');
});

test('the cache lives under XDG_CACHE_HOME, else ~/.cache; a relative XDG_CACHE_HOME is ignored', () => {
	assert.equal(cacheFolder({XDG_CACHE_HOME: '/var/cache/me'}, '/home/me'), '/var/cache/me/blog-tui');
	assert.equal(cacheFolder({}, '/home/me'), '/home/me/.cache/blog-tui');
	assert.equal(cacheFolder({XDG_CACHE_HOME: 'relative'}, '/home/me'), '/home/me/.cache/blog-tui');
});

test('the bodies of indexed posts are what their files give, also for a folder of many posts', async () => {
	const root = scratch('blog-tui-cache-posts-');
	mkdirSync(path.join(root, 'nested', 'deeper'), {recursive: true});
	for (let index = 0; index < 200; index++) {
		const where = index % 3 === 0 ? 'nested/deeper' : index % 3 === 1 ? 'nested' : '.';
		writeFileSync(path.join(root, where, `post-${index}.md`), `---\ntitle: Post ${index}\ntags: [a, b${index % 7}]\ndate: 2020-01-${String(1 + (index % 28)).padStart(2, '0')}\n---\n\n## Part ${index}\n\n${'word '.repeat(index)}\n\n## Same\n\n### Same\n`);
	}

	age(root);
	const folder = scratch('blog-tui-cache-');
	await load(root, folder);
	const indexed = await load(root, folder);
	assert.ok(indexed.posts.every(post => fromIndex(post)));
	assert.deepEqual(indexed, await loadLibrary(root));
});
