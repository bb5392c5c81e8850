import {useMemo, useRef} from 'react';
import type {Post} from '../../content/post.js';

/**
 * The latest version of `post` among `posts` (live reload hands over new post objects), and
 * whether it is gone (its file deleted, or turned into a hidden draft), in which case the last
 * version seen stays readable.
 */
export function useLivePost(post: Post, posts: readonly Post[]): {post: Post; removed: boolean} {
	const seen = useRef(new Map<string, Post>());
	return useMemo(() => {
		const now = posts.find(candidate => candidate.id === post.id);
		if (now) {
			seen.current.set(post.id, now);
			return {post: now, removed: false};
		}

		return {post: seen.current.get(post.id) ?? post, removed: true};
	}, [post, posts]);
}
