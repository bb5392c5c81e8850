import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Post} from '../../source/content/post.js';
import {resolvePostLink} from '../../source/content/resolve-post-link.js';

function post(path: string, slug: string): Post {
	return {slug, path, id: `/blog/${path}`, absolutePath: `/blog/${path}`} as Post;
}

const posts = [
	post('2024/2024-01-05-hello-world.md', 'hello-world'),
	post('2024/other.md', 'other'),
	post('guides/setup/index.md', 'setup'),
	post('Notes.markdown', 'notes'),
];
const from = posts[1]!;
const target = (link: string) => resolvePostLink(link, from, posts);

test('relative paths from the linking post, with or without the extension', () => {
	assert.equal(target('2024-01-05-hello-world.md')?.post, posts[0]);
	assert.equal(target('./other.md')?.post, posts[1]);
	assert.equal(target('../guides/setup/index.md')?.post, posts[2]);
	assert.equal(target('../guides/setup/')?.post, posts[2], 'a page bundle by its folder');
	assert.equal(target('../Notes')?.post, posts[3]);
	assert.equal(target('../notes.MARKDOWN')?.post, posts[3], 'any case');
});

test('site paths and slugs, as blogs write them', () => {
	assert.equal(target('/posts/other')?.post, posts[1]);
	assert.equal(target('/2024/01/05/hello-world.html')?.post, posts[0], 'a Jekyll URL');
	assert.equal(target('/blog/setup/')?.post, posts[2]);
	assert.equal(target('hello-world')?.post, posts[0]);
	assert.equal(target('Hello%20World'), undefined, 'a decoded name that is no slug');
});

test('the fragment comes back decoded; a link to nothing is undefined', () => {
	assert.deepEqual(target('other.md#Getting%20started'), {post: posts[1], anchor: 'Getting started'});
	assert.deepEqual(target('/posts/other?ref=feed#setup'), {post: posts[1], anchor: 'setup'});
	assert.deepEqual(target('other.md#'), {post: posts[1]});
	assert.equal(target('missing.md'), undefined);
	assert.equal(target('../../../etc/passwd'), undefined);
	assert.equal(target(''), undefined);
	assert.equal(target('%E0%A4%A'), undefined, 'a broken escape is taken as written');
});

test('an absolute address opens a post only when it is that post\'s page on the web (links between feed items)', () => {
	const fromFeed = [
		{slug: 'compost-heat', path: 'notes/2025/compost-heat.html', id: 'https://a.example/notes/2025/compost-heat.html', url: 'https://a.example/notes/2025/compost-heat.html'},
		{slug: 'other', path: 'notes/other', id: 'https://a.example/notes/other/', url: 'https://a.example/notes/other/'},
	] as Post[];
	const link = (address: string) => resolvePostLink(address, fromFeed[1]!, [...fromFeed, ...posts]);
	assert.deepEqual(link('https://a.example/notes/2025/compost-heat.html#the-ratio'), {post: fromFeed[0], anchor: 'the-ratio'});
	assert.equal(link('https://a.example/notes/other')?.post, fromFeed[1], 'with or without the trailing slash');
	assert.equal(link('https://github.com/someone/other'), undefined, 'an outside address never matches by slug');
	assert.equal(link('https://b.example/notes/2025/compost-heat.html'), undefined);
});
