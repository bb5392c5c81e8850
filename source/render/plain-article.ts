import type {ArticleSource, RenderedHeading, RenderedText, RenderOptions, SourceBlock} from './article.js';
import {appendAll, type Line, type LineWriter, lineOf, prefixLine, wrapRuns} from './lines.js';
import {sanitize} from './sanitize.js';
import {createPainter} from './style.js';
import {layoutWidth} from './layout-width.js';

/**
 * The post as plain wrapped text under a one-line notice, for when Markdown rendering failed or
 * took too long. Cheap and linear even for huge or hostile bodies, and needs no Markdown parser.
 * Headings from the post's outline still point at their source lines.
 */
export function plainArticle(post: ArticleSource, options: RenderOptions, notice: string): RenderedText {
	const {width, margin} = layoutWidth(options);
	const writer: LineWriter = {paint: createPainter(options), hyperlink: () => undefined};
	const lines: Line[] = [
		...wrapRuns([{text: sanitize(notice).replace(/\s+/g, ' '), key: 'notice'}], width, writer),
		...wrapRuns([{text: sanitize(post.title).replace(/\s+/g, ' ').trim() || 'Untitled', key: 'title'}], width, writer),
		lineOf([{text: '─'.repeat(width), key: 'rule'}], writer),
	];
	const header = lines.length;
	const firstLineOf: number[] = [];
	const blocks: SourceBlock[] = [{line: 0, source: 0}];
	for (const [index, source] of sanitize(post.body).split('\n').entries()) {
		firstLineOf.push(lines.length);
		blocks.push({line: lines.length, source: index});
		appendAll(lines, /\S/.test(source) ? wrapRuns([{text: source.trimEnd(), key: ''}], width, writer) : [lineOf([], writer)]);
	}

	const headings: RenderedHeading[] = [];
	const anchors: Record<string, number> = {};
	for (const heading of post.headings) {
		const line = heading.line === undefined ? undefined : firstLineOf[heading.line];
		if (line !== undefined) {
			headings.push({id: heading.id, text: sanitize(heading.text), depth: heading.depth, line, inferred: heading.inferred});
			anchors[heading.id] ??= line;
		}
	}

	const indent = margin > 0 ? lineOf([{text: ' '.repeat(margin), key: ''}], writer) : undefined;
	const fitted = indent ? lines.map(line => line.width > 0 ? prefixLine(line, indent) : line) : lines;
	return {lines: fitted.map(line => line.ansi), plain: fitted.map(line => line.plain), headings, anchors, links: [], blocks, header, notice: sanitize(notice).replace(/\s+/g, " ")};
}
