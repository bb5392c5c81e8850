import type {Post} from './post.js';

/** One line of a post body that holds the search term. */
export type SearchHit = {
	post: Post;
	/** 0-based line of `post.body`. */
	line: number;
	/** That line's text. */
	text: string;
	/** Where the first match in the line starts and ends (UTF-16 indexes into `text`). */
	start: number;
	end: number;
};

export type SearchResult = {
	hits: SearchHit[];
	/** How many posts hold at least one hit. */
	posts: number;
	/** True when the search stopped at `limit` hits. */
	truncated: boolean;
};

export type SearchOptions = {limit?: number};

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Smart case, as in less and ripgrep: all lower case matches any case; a capital asks for exact case. */
export function termPattern(term: string): RegExp {
	const caseSensitive = term !== term.toLowerCase();
	return new RegExp(escapeRegExp(term), caseSensitive ? 'gu' : 'giu');
}

/**
 * Finds `term` in the bodies of `posts`, one hit per matching line, posts in the order given.
 * Plain text, not a pattern: readers type words, and a stray `(` must not be an error.
 */
export function searchPosts(posts: readonly Post[], term: string, {limit = 1000}: SearchOptions = {}): SearchResult {
	const hits: SearchHit[] = [];
	let postsWithHits = 0;
	if (term.trim() === '') {
		return {hits, posts: 0, truncated: false};
	}

	const pattern = termPattern(term);
	for (const post of posts) {
		const body = post.body;
		pattern.lastIndex = 0;
		let match = pattern.exec(body);
		if (!match) {
			continue;
		}

		postsWithHits++;
		let line = 0;
		let lineStart = 0;
		while (match) {
			// Count the newlines between the previous line start and this match.
			let newline = body.indexOf('\n', lineStart);
			while (newline !== -1 && newline < match.index) {
				line++;
				lineStart = newline + 1;
				newline = body.indexOf('\n', lineStart);
			}

			const lineEnd = newline === -1 ? body.length : newline;
			if (hits.length === limit) {
				return {hits, posts: postsWithHits, truncated: true};
			}

			hits.push({post, line, text: body.slice(lineStart, lineEnd), start: match.index - lineStart, end: match.index - lineStart + match[0].length});
			// One hit per line: carry on after this line.
			pattern.lastIndex = lineEnd + 1;
			match = pattern.exec(body);
		}
	}

	return {hits, posts: postsWithHits, truncated: false};
}
