import {terminalSafeJson} from '../terminal/terminal-safe-json.js';
import type {Post, Problem} from '../content/post.js';

/** One post in `blog-tui list --json`; the schema is documented in the README — change both together. */
export type PostJson = {
	slug: string;
	title: string;
	/** `YYYY-MM-DD`, or the full ISO date-time when the post gave a time; null when undated. */
	date: string | null;
	updated: string | null;
	tags: string[];
	description: string;
	readingMinutes: number;
	draft: boolean;
	author: string | null;
	/** Relative to the folder listed, `/`-separated. */
	path: string;
	headings: Array<{depth: number; text: string; id: string; inferred: boolean}>;
	warnings: string[];
	/** Only for a post read from the web: its page. */
	url?: string;
};

/** A file that is not in the list: binary, empty, unreadable, too big, a symlink loop… */
export type ProblemJson = {path: string; problem: string};

export function postJson(post: Post): PostJson {
	return {
		slug: post.slug,
		title: post.title,
		date: post.date?.iso ?? null,
		updated: post.updated?.iso ?? null,
		tags: post.tags,
		description: post.description,
		readingMinutes: post.readingMinutes,
		draft: post.draft,
		author: post.author ?? null,
		path: post.path,
		headings: post.headings.map(({depth, text, id, inferred}) => ({depth, text, id, inferred})),
		warnings: post.warnings,
		...(post.url === undefined ? {} : {url: post.url}),
	};
}

/**
 * The posts, then every file that could not be read as a post. A file read with a problem is a post
 * whose `warnings` say so, not a second entry.
 */
export function listJson(posts: readonly Post[], problems: readonly Problem[]): Array<PostJson | ProblemJson> {
	return [
		...posts.map(post => postJson(post)),
		...problems.filter(problem => problem.slug === undefined).map(({path, problem}) => ({path, problem})),
	];
}

/** The JSON `list --json` prints, safe to show on a terminal (see `terminalSafeJson`). */
export function stringifyJson(value: unknown): string {
	return terminalSafeJson(value, 2);
}
