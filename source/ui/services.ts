import type {Library, Post} from '../content/post.js';
import type {RenderedArticle} from '../render/article.js';

/** Renders a post at a width; may run off the main thread, so it is asynchronous. */
export type LoadArticle = (post: Post, width: number) => Promise<RenderedArticle>;

/** How far the first reading of the library has got; `total` is unknown while files are still being found. */
export type Indexing = {
	read: number;
	total: number | undefined;
	/** What is counted, plural: `files` unless given (`sources`). */
	unit?: string;
	/** One line on what is happening now: `fetching example.com/feed.xml: 1.2 MB`. */
	detail?: string;
};

/** The library as it is now, and a way to hear when it changes (live reload). */
export type LibrarySource = {
	/** While indexing, an empty library with its root and label. */
	current: () => Library;
	/** Progress of the first load, undefined once the library is ready. Same object until it changes. */
	indexing?: () => Indexing | undefined;
	/** Whether changes on disk reach the list (shown in empty states). */
	watching?: boolean;
	subscribe: (listener: () => void) => () => void;
	/** Reads the files and fetches web sources again (`r`); absent where that is not possible or not allowed. */
	reload?: () => void;
};

/**
 * What only the app on the reader's own machine can do (absent over serve): open a web address in
 * the browser, and open a post in the author's editor at a line of its body, resolving once the editor has exited.
 */
export type LocalActions = {
	openUrl: (url: string) => void;
	edit: (post: Post, bodyLine: number) => Promise<void>;
};

/** Remembers where each post was being read, across runs. */
export type PositionStore = {
	get: (slug: string) => number | undefined;
	set: (slug: string, line: number) => void;
};

/**
 * Where to open a post: at its remembered place, or at a line with a term highlighted.
 * `line` is a 0-based line of `post.body` (full-text search hits), not a rendered line.
 */
export type OpenRequest = {post: Post; line?: number; highlight?: string};

export function staticLibrary(library: Library): LibrarySource {
	return {current: () => library, subscribe: () => () => undefined};
}
