import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {loadLibrary} from '../../../source/content/load-library.js';
import type {Library} from '../../../source/content/post.js';
import {filterProblems, postMatch} from '../../../source/ui/list/fuzzy-filter.js';
import {matchWord} from '../../../source/ui/list/fuzzy-score.js';
import {listEntries} from '../../../source/ui/list/list-entries.js';
import {makeLibrary} from './make-library.js';

const bundled = await loadLibrary(fileURLToPath(new URL('../../../posts', import.meta.url)));

function ranked(library: Library, query: string): string[] {
	return listEntries(library, {sort: 'newest', query, tags: [], showDrafts: false}).entries.flatMap(entry => (entry.kind === 'post' ? [entry.post.title] : []));
}

test('the bundled posts: "ssh" finds the SSH post and the one tagged ssh, not "Writing posts" (s…s…h)', () => {
	assert.deepEqual(ranked(bundled, 'ssh'), ['Reading over SSH', 'What\'s new in blog-tui 0.1']);
});

test('the bundled posts: "field" puts "A field guide" first, above a newer post whose description says "fields"', () => {
	assert.deepEqual(ranked(bundled, 'field'), ['A field guide to the terminal', 'Writing posts: the frontmatter blog-tui reads']);
});

test('the bundled posts: typos still find the obvious post', () => {
	assert.equal(ranked(bundled, 'feild')[0], 'A field guide to the terminal', 'two letters swapped');
	assert.equal(ranked(bundled, 'showcse')[0], 'Markdown showcase', 'a letter left out');
	assert.deepEqual(ranked(bundled, 'termnal').slice(0, 3).sort(), ['A field guide to the terminal', 'Why I read my blog in the terminal', 'Writing Markdown for the terminal'].sort());
});

const fixtures = makeLibrary([
	{title: 'Notes on tmux', date: '2026-05-01', tags: ['terminal'], description: 'Panes, windows and a guide to the status line.'},
	{title: 'Shell history', date: '2026-04-01', tags: ['guide', 'shell'], description: 'Searching what you typed.'},
	{title: 'A guide to pagers', date: '2025-01-01', tags: ['terminal'], description: ''},
	{title: 'Guides I keep coming back to', date: '2024-01-01', tags: [], description: ''},
	{title: 'Posts and hashes', date: '2026-06-01', tags: [], description: 'Checksums for files.'},
]);

test('ranks title over tags over description, newest first among equals', () => {
	assert.deepEqual(ranked(fixtures, 'guide'), ['A guide to pagers', 'Guides I keep coming back to', 'Shell history', 'Notes on tmux']);
});

test('scattered letters do not match; initials and one missing letter do', () => {
	assert.deepEqual(ranked(fixtures, 'ssh'), [], 'Posts and hashes is s…s…h inside words; Shell history is sh…(s)h');
	assert.deepEqual(ranked(fixtures, 'sh'), ['Shell history', 'Posts and hashes'], 'a word start, then a newer post with sh inside a word');
	assert.deepEqual(ranked(fixtures, 'ntm'), ['Notes on tmux'], 'initials');
	assert.deepEqual(ranked(fixtures, 'pagrs'), ['A guide to pagers']);
});

test('every word must match; a filter ranks without year groups', () => {
	const entries = listEntries(fixtures, {sort: 'newest', query: 'guide pagers', tags: [], showDrafts: false}).entries;
	assert.deepEqual(entries.map(entry => entry.kind === 'post' && [entry.post.title, entry.group]), [['A guide to pagers', '']]);
});

test('highlights every field a word matches, as indexes into the original text', () => {
	const entry = listEntries(fixtures, {sort: 'newest', query: 'guide', tags: [], showDrafts: false}).entries[2]!;
	assert.ok(entry.kind === 'post' && entry.hit);
	assert.deepEqual(postMatch(entry.hit), {title: [], tags: new Map([['guide', [0, 1, 2, 3, 4]]]), description: []});
	assert.deepEqual(matchWord('cafe', 'Le Café Ünïcode')?.indexes, [3, 4, 5, 6], 'accents folded, one index per character');
	assert.deepEqual(matchWord('unicode', 'Le Café Ünïcode')?.indexes, [8, 9, 10, 11, 12, 13, 14]);
});

test('problem files match on their path by the same rules', () => {
	const problem = (path: string) => ({path, absolutePath: `/blog/${path}`, problem: 'empty file'});
	const found = filterProblems([problem('drafts/ssh-setup.md'), problem('posts/sorts-hash.md')], 'ssh');
	assert.deepEqual([...found].map(([entry, indexes]) => [entry.path, indexes]), [['drafts/ssh-setup.md', [7, 8, 9]]]);
});

test('a pasted page as the query: one long word matches whole, many words count as their first eight', () => {
	const long = 'x'.repeat(100_000);
	assert.deepEqual(ranked(fixtures, long), []);
	assert.deepEqual(ranked(fixtures, `${'guide '.repeat(5000)}`), ['A guide to pagers', 'Guides I keep coming back to', 'Shell history', 'Notes on tmux']);
});
