import GithubSlugger from 'github-slugger';

/**
 * Anchor ids the way GitHub makes them, from a heading's plain text: lowercase, punctuation dropped,
 * spaces to dashes, repeats numbered `-1`, `-2`, … One slugger a post: the numbering is per post.
 */
export function createSlugger(): (text: string) => string {
	const slugger = new GithubSlugger();
	return text => slugger.slug(text);
}
