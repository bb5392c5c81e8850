/**
 * A calendar date, or a moment when the source gave a time of day.
 *
 * `iso` always starts with the calendar day the author wrote, in every time zone:
 * - `YYYY-MM-DD` for date-only values (`date: 2024-01-05`, `Jun 04 2023`, a Jekyll file name);
 * - `YYYY-MM-DDTHH:MM:SS` plus the author's offset (`Z`, `-07:00`) when a time was given;
 *   a time written without a zone is taken as UTC and gets `Z`.
 */
export type PostDate = {
	iso: string;
	/** Sort key: milliseconds since the epoch (UTC midnight for date-only values). */
	time: number;
};

/**
 * One entry of a post's outline, in body order (the first 5,000 at most).
 *
 * Headings with `inferred: false` are exactly the heading tokens marked's lexer finds in `Post.body`
 * at the top level and inside block quotes and list items, however deep (ATX `#` and setext headings
 * outside code and HTML blocks), and in the Markdown children of a top-level MDX component block
 * (`<Callout>` … `</Callout>`), in document order.
 *
 * Headings with `inferred: true` exist only in posts with no real heading at all. Each one is a
 * paragraph made of a single line, `body.split('\n')[heading.line]`, whose trimmed text is
 * `heading.source`, and that text is either
 * - wholly bold and not a sentence: `**Data Management:**`, `**Data Management**:`, `__Setup__`
 *   (depth 2); a bold first line ending in a hard break was split from its paragraph to be one, or
 * - in a post with no Markdown syntax at all, a short plain label ending in a colon that is followed
 *   by two or more short lines (made a list): `Key takeaways:` (depth 2).
 * The renderer finds it as a paragraph token whose `raw.trim()` equals `heading.source`.
 */
export type Heading = {
	depth: number;
	/** Plain text, no Markdown (an inferred heading's trailing colon dropped). */
	text: string;
	/** GitHub-style anchor id, unique within the post. */
	id: string;
	/** True when guessed from bold paragraphs or `Label:` lines rather than `#` headings. */
	inferred: boolean;
	/** 0-based index of the heading's first line in `Post.body.split('\n')`. */
	line: number;
	/**
	 * The heading's source as written in the body, each line trimmed: `## Setup`, `**Setup:**`; for a
	 * setext heading its text lines joined by `\n`, without the `===`/`---` underline.
	 */
	source: string;
};

export type Post = {
	/** Identity across reads and sources: the absolute path for a file, the item's URL or id for a feed. */
	id: string;
	/** Unique in the library: the `slug` field, else the file name (or a bundle's folder) without date prefix and extension. */
	slug: string;
	/** One line, control characters removed. */
	title: string;
	date: PostDate | undefined;
	updated: PostDate | undefined;
	/** Trimmed, de-duplicated case-insensitively, in the order and case first written. */
	tags: string[];
	description: string;
	readingMinutes: number;
	draft: boolean;
	author: string | undefined;
	cover: string | undefined;
	/** Path relative to the library root, with `/` separators. */
	path: string;
	/** Only for a post read from a file. */
	absolutePath?: string;
	/** Only for a post read from the web: its page (a feed item's link, or the URL read). */
	url?: string;
	/**
	 * Markdown body as the renderer should render it: LF line ends, no frontmatter; the title H1
	 * removed when it became (or repeated) the title; a standalone date line, `N min read` line or
	 * title line removed when they gave the post its date, reading time or title; collapsed
	 * one-line Markdown restored to lines.
	 */
	body: string;
	headings: Heading[];
	/** One line each; every warning is also reported as a `Problem` with this post's slug. */
	warnings: string[];
	/**
	 * Where each field came from: a frontmatter key (`{date: 'pubDate'}`) or an inference:
	 * `h1`, `first line`, `file name`, `folder name`, `date line`, `read time line`, `first paragraph`,
	 * `words`, `_drafts folder`. `fields: 'export const meta'` when an MDX post's fields came from its
	 * meta export; a date read from a permalink is recorded under that key (`path`, `url`). `body` records repairs: `mojibake repaired`, `MDX imports removed`, `page chrome removed`, `template string end removed`, `collapsed lines restored`.
	 */
	sources: Record<string, string>;
};

/** A file that could not be read as a post, or was read with a problem. */
export type Problem = {
	path: string;
	/** The file's absolute path, or the URL for a source read from the web. */
	absolutePath: string;
	/** One line, human-readable: `empty file`, `frontmatter: bad indentation of a mapping entry (line 3, column 5)`. */
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
