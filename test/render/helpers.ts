import type {ArticleSource, RenderedText, RenderOptions} from '../../source/render/article.js';
import {renderArticle} from '../../source/render/render-article.js';
import './grammars.js';

export const plainOptions: RenderOptions = {width: 80, theme: 'dark', colorLevel: 0, hyperlinks: false};

export function render(body: string, options: Partial<RenderOptions> = {}, post: Partial<ArticleSource> = {}): RenderedText {
	return renderArticle({title: 'Test post', headings: [], ...post, body}, {...plainOptions, ...options});
}

/** The body's lines: everything after the header block's rule and the blank line under it. */
export function bodyLines(article: RenderedText): string[] {
	const rule = article.plain.findIndex(line => /^─+$/.test(line));
	return article.plain.slice(rule + 2);
}

export function bodyOf(body: string, options: Partial<RenderOptions> = {}): string[] {
	return bodyLines(render(body, options));
}
