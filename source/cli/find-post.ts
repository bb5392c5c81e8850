import type {Post} from '../content/post.js';
import {closestMatch} from './closest.js';

export type FindResult = {post: Post} | {post: undefined; suggestion: string | undefined};

/**
 * The post a reader means by `query`: its path in the folder (`2024/hello.md`), its slug as written,
 * then its slug in any case. Otherwise the nearest slug, to suggest.
 */
export function findPost(posts: readonly Post[], query: string): FindResult {
	const asPath = query.replaceAll('\\', '/').replace(/^\.\//, '');
	const lower = query.toLowerCase();
	const post = posts.find(candidate => candidate.path === asPath)
		?? posts.find(candidate => candidate.slug === query)
		?? posts.find(candidate => candidate.slug.toLowerCase() === lower);
	if (post) {
		return {post};
	}

	return {post: undefined, suggestion: closestMatch(query, posts.map(candidate => candidate.slug))};
}
