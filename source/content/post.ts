/** A calendar date, or a moment when the source gave a time of day. */
export type PostDate = {
	/** `YYYY-MM-DD` for date-only values, full ISO 8601 when a time was given. */
	iso: string;
	/** Sort key: milliseconds since the epoch (UTC midnight for date-only values). */
	time: number;
};

export type Heading = {
	depth: number;
	/** Plain text, no Markdown. */
	text: string;
	/** GitHub-style anchor id, unique within the post. */
	id: string;
	/** True when guessed from bold paragraphs or `Label:` lines rather than `#` headings. */
	inferred: boolean;
};

export type Post = {
	slug: string;
	title: string;
	date: PostDate | undefined;
	updated: PostDate | undefined;
	tags: string[];
	description: string;
	readingMinutes: number;
	draft: boolean;
	author: string | undefined;
	cover: string | undefined;
	/** Path relative to the library root, with `/` separators. */
	path: string;
	absolutePath: string;
	/** Markdown body, normalised (LF, no frontmatter, title H1 removed when it became the title). */
	body: string;
	headings: Heading[];
	warnings: string[];
	/** Which frontmatter key (or inference) each field came from, e.g. `{date: 'pubDate'}`. */
	sources: Record<string, string>;
};

/** A file that could not be read as a post, or was read with a problem. */
export type Problem = {
	path: string;
	absolutePath: string;
	problem: string;
	/** Present when the body was still readable: the post is listed too, with a warning. */
	slug?: string;
};

export type Library = {
	root: string;
	/** The name shown in headers: the folder as given by the user. */
	label: string;
	posts: Post[];
	problems: Problem[];
};
