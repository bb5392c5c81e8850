import type {Library, Post, Problem} from '../../content/post.js';
import {filterPosts, filterProblems, type PostHit} from './fuzzy-filter.js';
import {memoPerObject} from './memo.js';
import {type SortOrder, sortPosts} from './sort-posts.js';

/** What the list shows: the order, the fuzzy filter, the tags every post must have. */
export type ListFilter = {sort: SortOrder; query: string; tags: readonly string[]; showDrafts: boolean};

export type PostEntry = {
	kind: 'post';
	key: string;
	post: Post;
	/** The heading this row sits under: a year, `Undated`, or none when sorted by title or ranked by a filter. */
	group: string;
	/** Set when a filter is on: what matched (see `postMatch`). */
	hit: PostHit | undefined;
	/** Why the file was read only in part, when it was. */
	problem: string | undefined;
};

export type ProblemEntry = {kind: 'problem'; key: string; problem: Problem; group: string; match: readonly number[] | undefined};

export type ListEntry = PostEntry | ProblemEntry;

export type ListEntries = {
	entries: ListEntry[];
	indexOf: ReadonlyMap<string, number>;
	/** Posts on show before the filter and tags narrow them. */
	totalPosts: number;
	shownPosts: number;
	hiddenDrafts: number;
};

const problemGroup = 'Problems';

function groupOf(post: Post, sort: SortOrder): string {
	if (sort === 'title') {
		return '';
	}

	return post.date ? post.date.iso.slice(0, 4) : 'Undated';
}

function hasTags(post: Post, wanted: readonly string[]): boolean {
	return wanted.every(tag => post.tags.some(own => own.toLowerCase() === tag.toLowerCase()));
}

const visiblePosts = memoPerObject((library: Library, key: string) => (key === 'drafts' ? library.posts : library.posts.filter(post => !post.draft)));

/** The posts a reader may see: drafts only when asked for. */
export function postsOnShow(library: Library, showDrafts: boolean): Post[] {
	return visiblePosts(library, showDrafts ? 'drafts' : 'published');
}

const sortedPosts = memoPerObject((library: Library, key: string) => {
	const [sort, drafts] = key.split('\0') as [SortOrder, string];
	return sortPosts(postsOnShow(library, drafts === '1'), sort);
});

/** The posts on show in `sort` order, computed once per library. */
export function sortedOnShow(library: Library, sort: SortOrder, showDrafts: boolean): Post[] {
	return sortedPosts(library, `${sort}\0${showDrafts ? 1 : 0}`);
}

// Matching does not depend on the order, so changing the order or the tags reuses it.
const fuzzyMatches = memoPerObject((library: Library, key: string) => {
	const [drafts, query] = key.split('\0') as [string, string];
	return filterPosts(postsOnShow(library, drafts === '1'), query);
}, 4);

function computeEntries(library: Library, filter: ListFilter): ListEntries {
	const sorted = sortedOnShow(library, filter.sort, filter.showDrafts);
	const tagged = filter.tags.length > 0 ? sorted.filter(post => hasTags(post, filter.tags)) : sorted;
	const query = filter.query.trim();
	const matches = query === '' ? undefined : fuzzyMatches(library, `${filter.showDrafts ? 1 : 0}\0${query}`);
	const partial = new Map<string, string>();
	for (const problem of library.problems) {
		if (problem.slug !== undefined && !partial.has(problem.absolutePath)) {
			partial.set(problem.absolutePath, problem.problem);
		}
	}

	const posts: PostEntry[] = [];
	for (const post of tagged) {
		const hit = matches?.get(post);
		if (matches && !hit) {
			continue;
		}

		posts.push({kind: 'post', key: post.id, post, group: matches ? '' : groupOf(post, filter.sort), hit, problem: partial.get(post.id)});
	}

	// Best match first; the chosen order (newest first by default) breaks ties, as the sort is stable.
	if (matches) {
		posts.sort((a, b) => b.hit!.score - a.hit!.score);
	}

	const entries: ListEntry[] = posts;

	const shownPosts = entries.length;
	if (filter.tags.length === 0) {
		const unreadable = library.problems.filter(problem => problem.slug === undefined);
		const problemMatches = query === '' ? undefined : filterProblems(unreadable, query);
		for (const problem of unreadable) {
			const match = problemMatches?.get(problem);
			if (!problemMatches || match) {
				entries.push({kind: 'problem', key: `problem:${problem.absolutePath}`, problem, group: problemGroup, match});
			}
		}
	}

	return {
		entries,
		indexOf: new Map(entries.map((entry, index) => [entry.key, index])),
		totalPosts: sorted.length,
		shownPosts,
		hiddenDrafts: filter.showDrafts ? 0 : library.posts.length - sorted.length,
	};
}

const memoEntries = memoPerObject((library: Library, key: string) => computeEntries(library, JSON.parse(key) as ListFilter), 6);

/** The rows of the list for `filter`: computed once per library and filter, so cursor moves cost nothing. */
export function listEntries(library: Library, filter: ListFilter): ListEntries {
	return memoEntries(library, JSON.stringify({sort: filter.sort, query: filter.query.trim(), tags: filter.tags, showDrafts: filter.showDrafts}));
}

export type TagCount = {tag: string; count: number};

const memoTags = memoPerObject((library: Library, key: string) => {
	const {tags, showDrafts} = JSON.parse(key) as {tags: string[]; showDrafts: boolean};
	const counts = new Map<string, TagCount>();
	for (const post of postsOnShow(library, showDrafts)) {
		if (!hasTags(post, tags)) {
			continue;
		}

		for (const tag of post.tags) {
			const id = tag.toLowerCase();
			if (tags.some(active => active.toLowerCase() === id)) {
				continue;
			}

			const entry = counts.get(id);
			if (entry) {
				entry.count++;
			} else {
				counts.set(id, {tag, count: 1});
			}
		}
	}

	return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
});

/** Every tag that would narrow the list further, with how many posts carry it, most used first. */
export function tagCounts(library: Library, activeTags: readonly string[], showDrafts: boolean): TagCount[] {
	return memoTags(library, JSON.stringify({tags: activeTags, showDrafts}));
}
