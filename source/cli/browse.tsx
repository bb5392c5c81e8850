import process from 'node:process';
import {render} from 'ink';
import type {Library, Post} from '../content/post.js';
import type {RenderedArticle} from '../render/article.js';
import {App} from '../ui/App.js';
import {staticLibrary} from '../ui/services.js';

export type BrowseOptions = {
	colorLevel: 0 | 1 | 2 | 3;
	hyperlinks: boolean;
};

/** Runs the full-screen browser on the terminal until the reader quits. */
export async function browse(library: Library, options: BrowseOptions): Promise<void> {
	const cache = new Map<string, RenderedArticle>();
	const loadArticle = async (post: Post, width: number): Promise<RenderedArticle> => {
		const key = `${post.absolutePath}\0${width}`;
		const cached = cache.get(key);
		if (cached) {
			return cached;
		}

		// The renderer and highlighter cost ~200 ms to import: load them when the first article opens.
		const {renderArticle} = await import('../render/render-article.js');
		const article = renderArticle(post, {width, theme: 'dark', colorLevel: options.colorLevel, hyperlinks: options.hyperlinks});
		cache.set(key, article);
		return article;
	};

	process.stdout.write('\u001B[?1049h');
	const restore = () => {
		process.stdout.write('\u001B[?25h\u001B[?1049l');
	};

	process.once('exit', restore);
	const instance = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>, {exitOnCtrlC: false, patchConsole: false});
	await instance.waitUntilExit();
	restore();
	process.removeListener('exit', restore);
}
