import type {Post} from '../content/post.js';

export type Selection = {
	/** Every one must be among a post's tags, compared case-insensitively. */
	tags: readonly string[];
	drafts: boolean;
};

/** The posts `list` prints, in the library's order (newest first, undated last). */
export function selectPosts(posts: readonly Post[], selection: Selection): Post[] {
	const wanted = selection.tags.map(tag => tag.trim().toLowerCase());
	return posts.filter(post => {
		if (post.draft && !selection.drafts) {
			return false;
		}

		const tags = new Set(post.tags.map(tag => tag.toLowerCase()));
		return wanted.every(tag => tags.has(tag));
	});
}
