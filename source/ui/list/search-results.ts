import type {Library} from '../../content/post.js';
import {type SearchResult, searchPosts} from '../../content/search-posts.js';
import {sortedOnShow} from './list-entries.js';
import {memoPerObject} from './memo.js';
import type {SortOrder} from './sort-posts.js';

const memoSearch = memoPerObject((library: Library, key: string) => {
	const {term, sort, showDrafts} = JSON.parse(key) as {term: string; sort: SortOrder; showDrafts: boolean};
	return searchPosts(sortedOnShow(library, sort, showDrafts), term);
}, 4);

/** Full-text hits over the posts on show, in the list's order; computed once per term. */
export function searchResults(library: Library, term: string, sort: SortOrder, showDrafts: boolean): SearchResult {
	return memoSearch(library, JSON.stringify({term, sort, showDrafts}));
}
