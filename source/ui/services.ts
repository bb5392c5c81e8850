import type {Library, Post} from '../content/post.js';
import type {RenderedArticle} from '../render/article.js';

/** Renders a post at a width; may run off the main thread, so it is asynchronous. */
export type LoadArticle = (post: Post, width: number) => Promise<RenderedArticle>;

/** The library as it is now, and a way to hear when it changes (live reload). */
export type LibrarySource = {
	current: () => Library;
	subscribe: (listener: () => void) => () => void;
};

/** Remembers where each post was being read, across runs. */
export type PositionStore = {
	get: (slug: string) => number | undefined;
	set: (slug: string, line: number) => void;
};

/** Where to open a post: at its remembered place, or at a line with a term highlighted. */
export type OpenRequest = {post: Post; line?: number; highlight?: string};

export function staticLibrary(library: Library): LibrarySource {
	return {current: () => library, subscribe: () => () => undefined};
}
