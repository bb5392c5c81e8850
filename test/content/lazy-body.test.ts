import assert from 'node:assert/strict';
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {loadLibrary} from '../../source/content/load-library.js';

const corpus = fileURLToPath(new URL('../fixtures/posts', import.meta.url));
const temporary: string[] = [];
after(() => {
	for (const folder of temporary) {
		rmSync(folder, {recursive: true, force: true});
	}
});

const onDemand = (post: object) => Object.getOwnPropertyDescriptor(post, 'body')?.get !== undefined;

test('bodies on demand: the same library as bodies kept, each body read from its file when asked for', async () => {
	const lazy = await loadLibrary(corpus, {bodies: 'on demand'});
	assert.ok(lazy.posts.length > 20);
	assert.ok(lazy.posts.every(post => onDemand(post)));
	assert.deepEqual(lazy, await loadLibrary(corpus));
	assert.ok(lazy.posts.every(post => !onDemand(post)), 'a body once read is an ordinary property');
});

test('bodies on demand: a file that went away meanwhile gives an empty body, and a body can be set', async () => {
	const root = mkdtempSync(path.join(tmpdir(), 'blog-tui-lazy-'));
	temporary.push(root);
	cpSync(path.join(corpus, 'draft-flag.md'), path.join(root, 'a.md'));
	writeFileSync(path.join(root, 'b.md'), '# B\n\nText of b.\n');
	const library = await loadLibrary(root, {bodies: 'on demand'});
	rmSync(path.join(root, 'a.md'));
	const a = library.posts.find(post => post.path === 'a.md')!;
	const b = library.posts.find(post => post.path === 'b.md')!;
	assert.equal(a.body, '');
	b.body = 'replaced';
	assert.equal(b.body, 'replaced');
});
