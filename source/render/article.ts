import type {Heading, Post} from '../content/post.js';

export type Theme = 'dark' | 'light';

export type RenderOptions = {
	/** Columns available; every line fits in it. */
	width: number;
	theme: Theme;
	/** 0 = no escape sequences at all, 1 = 16 colours, 2 = 256, 3 = truecolor. */
	colorLevel: 0 | 1 | 2 | 3;
	/** Emit OSC 8 hyperlinks for http(s)/mailto targets; otherwise external URLs are printed after their text. */
	hyperlinks: boolean;
	/**
	 * Widest the text gets (default 100); in a wider terminal it is centred. 0 or Infinity: use the
	 * whole width.
	 */
	readingWidth?: number;
};

export type RenderedHeading = {
	id: string;
	/** Plain text, as in the post's outline. */
	text: string;
	depth: number;
	/** Index in `lines` of the heading's first line. */
	line: number;
	/** Guessed from a bold or `Label:` paragraph (see `Heading.inferred`). */
	inferred: boolean;
};

/** A rendered block: its first index in `lines`, and the 0-based line of `post.body` it comes from. */
export type SourceBlock = {line: number; source: number};

/** Where one line's share of a link is: `plain[line].slice(from, to)` is its text on that line. */
export type LinkSpan = {line: number; from: number; to: number};

export type RenderedLink = {
	/** The link's text as shown (without the URL printed after it). */
	text: string;
	/** As written in the post (sanitised): `#setup`, `../2024/other.md`, `https://…`. */
	target: string;
	/** `anchor`: `#id` in this post; `post`: a relative path, `/posts/x` or slug; `external`: has a scheme. */
	kind: 'anchor' | 'post' | 'external';
	/** An image's address (its placeholder is the link): follow it only as an external URL, never as a post. */
	image?: true;
	/**
	 * For `anchor`: the id (without `#`, percent-decoded, matched case-insensitively to an existing
	 * id); `anchors[anchor]` is its line when it exists.
	 */
	anchor?: string;
	/** First line the link is on (= `spans[0].line`). */
	line: number;
	/** Every piece of the link, in order: more than one when it wraps. Images count as links to their URL. */
	spans: LinkSpan[];
};

export type RenderedArticle = {
	/**
	 * Finished terminal lines: SGR styling and (when asked) OSC 8 only, each at most `width` columns,
	 * but for a line holding a web address wider than that when there is no OSC 8: it is kept whole,
	 * so a terminal's copy gets it in one piece.
	 */
	lines: string[];
	/**
	 * The same lines without any escape sequence, for search and link highlighting. Always set by
	 * `renderArticle` and the article loader; optional only so hand-made test articles need not repeat it.
	 */
	plain?: string[];
	/** Every heading of the body (real and inferred), in order. */
	headings: RenderedHeading[];
	/** Anchor id → line index: every heading id and every `<a id>`/`<a name>` of the body. */
	anchors: Record<string, number>;
	/** Links in reading order. */
	links: RenderedLink[];
	/**
	 * Where each block of the body starts in `lines` and on which line of `post.body` its source
	 * starts, in order. A place in the text survives a new width through it (resize, reading
	 * positions, search hits given as body lines). Always set by `renderArticle` and the article loader.
	 */
	blocks?: SourceBlock[];
	/**
	 * How many lines at the top are the header block (title, facts, tags, description, rule): the
	 * reader shows its own title bar only once these have scrolled off. Absent: no header block.
	 */
	header?: number;
	/** Set when the article could not be rendered normally and is shown as plain text (also its first line). */
	notice?: string;
};

/** What the renderer needs of a post: a whole `Post` will do; only title, body and headings are required. */
export type ArticleSource = Pick<Post, 'title' | 'body'>
	& Partial<Pick<Post, 'date' | 'updated' | 'tags' | 'description' | 'author' | 'cover' | 'readingMinutes' | 'path' | 'sources'>>
	& {headings: Array<Pick<Heading, 'depth' | 'text' | 'id' | 'inferred'> & Partial<Pick<Heading, 'line' | 'source'>>>};

/** What `renderArticle` and the article loader always return: `plain` and `blocks` are set. */
export type RenderedText = RenderedArticle & {plain: string[]; blocks: SourceBlock[]};
