import {useMemo, useRef} from 'react';
import type {Library, Post} from '../../content/post.js';

/**
 * The latest version of `post` in the library (live reload hands over new post objects), and
 * whether its file is gone, in which case the last version seen stays readable.
 */
export function useLivePost(post: Post, library: Library): {post: Post; removed: boolean} {
	const seen = useRef(new Map<string, Post>());
	return useMemo(() => {
		const now = library.posts.find(candidate => candidate.id === post.id);
		if (now) {
			seen.current.set(post.id, now);
			return {post: now, removed: false};
		}

		return {post: seen.current.get(post.id) ?? post, removed: true};
	}, [post, library]);
}
