export type Theme = 'dark' | 'light';

export type RenderOptions = {
	/** Columns available; every line fits in it. */
	width: number;
	theme: Theme;
	/** 0 = no escape sequences at all, 1 = 16 colours, 2 = 256, 3 = truecolor. */
	colorLevel: 0 | 1 | 2 | 3;
	/** Emit OSC 8 hyperlinks for http(s)/mailto targets. */
	hyperlinks: boolean;
};

export type RenderedHeading = {id: string; text: string; depth: number; line: number};
export type RenderedLink = {text: string; target: string; line: number};

export type RenderedArticle = {
	lines: string[];
	headings: RenderedHeading[];
	/** Anchor id → line index. */
	anchors: Record<string, number>;
	links: RenderedLink[];
};

/** What the renderer needs of a post. */
export type ArticleSource = {
	title: string;
	body: string;
	headings: Array<{depth: number; text: string; id: string; inferred: boolean}>;
};
