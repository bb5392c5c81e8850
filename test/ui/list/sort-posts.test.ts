import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {sortOrders, sortPosts} from '../../../source/ui/list/sort-posts.js';
import {makePost} from './make-library.js';

const titles = ['Alpha', 'alpha', 'Äpfel', 'Post 2', 'Post 10', 'Zebra', '日本語', ''];
const dates = [undefined, '2024-01-01', '2024-01-01', '2023-06-30', '2025-12-31'];

test('sorting gives the same order whether or not the posts already came in it (ties, undated, case, numbers)', () => {
	fc.assert(fc.property(fc.array(fc.record({title: fc.constantFrom(...titles), date: fc.constantFrom(...dates), name: fc.string({maxLength: 3})}), {maxLength: 40}), seeds => {
		const posts = seeds.map(({title, date, name}, index) => makePost({title, ...(date ? {date} : {}), slug: `s${index}`, path: `${name}/${index}.md`}));
		for (const order of sortOrders) {
			const once = sortPosts(posts, order);
			assert.notEqual(once, posts, 'a new array');
			assert.deepEqual(sortPosts(once, order).map(post => post.path), once.map(post => post.path));
			assert.deepEqual(sortPosts([...posts].reverse(), order).map(post => post.path), sortPosts(sortPosts([...posts].reverse(), 'title'), order).map(post => post.path));
		}
	}), {numRuns: 300});
});
