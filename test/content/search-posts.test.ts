import assert from 'node:assert/strict';
import {test} from 'node:test';
import {searchPosts} from '../../source/content/search-posts.js';
import {makePost} from '../ui/list/make-library.js';

const nebula = makePost({title: 'Nebula', body: 'Intro line\n\nThe Ring Nebula, ring of gas.\n\n## Ringing\nno match here\nlast RING'});
const other = makePost({title: 'Other', body: 'a (ring) in parentheses'});

test('one hit per matching line with its body line number, text and first match range', () => {
	const result = searchPosts([nebula], 'ring');
	assert.deepEqual(result.hits.map(hit => [hit.line, hit.text, hit.text.slice(hit.start, hit.end)]), [
		[2, 'The Ring Nebula, ring of gas.', 'Ring'],
		[4, '## Ringing', 'Ring'],
		[6, 'last RING', 'RING'],
	]);
	assert.equal(result.posts, 1);
	assert.equal(result.truncated, false);
});

test('smart case: a capital letter makes the search exact', () => {
	assert.deepEqual(searchPosts([nebula], 'RING').hits.map(hit => hit.line), [6]);
});

test('the term is plain text, not a pattern', () => {
	const result = searchPosts([nebula, other], '(ring)');
	assert.deepEqual(result.hits.map(hit => [hit.post.title, hit.start, hit.end]), [['Other', 2, 8]]);
});

test('posts keep the order given; the limit stops the search and says so', () => {
	const result = searchPosts([other, nebula], 'ring', {limit: 2});
	assert.deepEqual(result.hits.map(hit => [hit.post.title, hit.line]), [['Other', 0], ['Nebula', 2]]);
	assert.equal(result.truncated, true);
});

test('an empty or blank term finds nothing', () => {
	assert.deepEqual(searchPosts([nebula], '  '), {hits: [], posts: 0, truncated: false});
});

test('matches in text whose lower case changes length stay on the right characters', () => {
	const post = makePost({title: 'Unicode', body: 'İstanbul\nstraße and İ again\nfinal'});
	const hits = searchPosts([post], 'again').hits;
	assert.deepEqual(hits.map(hit => [hit.line, hit.text.slice(hit.start, hit.end)]), [[1, 'again']]);
});
