import type {Token, Tokens} from 'marked';
import type {ArticleSource, RenderedHeading, RenderedText, RenderOptions, SourceBlock} from './article.js';
import {assembleArticle} from './assemble.js';
import {type BlockContext, type NestedHeading, renderBlock, renderHeading} from './blocks.js';
import {createSlugger} from '../content/slugger.js';
import {renderHeaderBlock} from './header-block.js';
import {appendAll, blankLine, clipRuns, type Line, type LineWriter, lineOf, prefixLine} from './lines.js';
import {inlineRuns} from './inline.js';
import {createLexer} from './lexer.js';
import {hyperlinkTarget, type LinkRecord} from './links.js';
import {layoutWidth} from './layout-width.js';
import {plainArticle} from './plain-article.js';
import {sanitize} from './sanitize.js';
import {createPainter} from './style.js';

type Outline = ArticleSource['headings'];

// Characters of code coloured per article (see renderCodeBlock).
const highlightBudget = 32 * 1024;

function newlines(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
		count++;
	}

	return count;
}

function leadingNewlines(text: string): number {
	let count = 0;
	while (text[count] === '\n') {
		count++;
	}

	return count;
}

function render(post: ArticleSource, options: RenderOptions): RenderedText {
	const {width, margin} = layoutWidth(options);
	const links: LinkRecord[] = [];
	const writer: LineWriter = {
		paint: createPainter(options),
		hyperlink(link) {
			if (!options.hyperlinks || options.colorLevel === 0) {
				return undefined;
			}

			const record = links[link]!;
			record.url ??= hyperlinkTarget(record.target) ?? '';
			return record.url === '' ? undefined : record.url;
		},
	};
	const context: BlockContext = {links, showUrls: !(options.hyperlinks && options.colorLevel > 0), pendingAnchors: [], writer, budget: {highlight: highlightBudget}, nestedHeadings: []};
	const lines: Line[] = [...renderHeaderBlock(post, width, writer, context)];
	const header = lines.length;
	lines.push(blankLine);
	const headings: RenderedHeading[] = [];
	const anchors: Record<string, number> = {};
	const real: Outline = post.headings.filter(heading => !heading.inferred);
	const inferred: Outline = post.headings.filter(heading => heading.inferred);
	const slug = createSlugger();
	let realIndex = 0;
	const bodyStart = lines.length;
	// The header block stands for the top of the body.
	const blocks: SourceBlock[] = [{line: 0, source: 0}];
	let sourceLine = 0;
	// The body is lexed as written, so its headings are exactly the outline's (the content layer lexes
	// it the same way); every piece of text is sanitised where it becomes a run. Tokens are rendered
	// one by one so each heading's line is known exactly.
	for (const token of createLexer().lex(post.body) as Token[]) {
		// The lexer's tokens cover the body end to end, so counting their newlines gives each one's line.
		const source = sourceLine + leadingNewlines(token.raw);
		sourceLine += newlines(token.raw);
		let heading: RenderedHeading | undefined;
		let block: Line[];
		let nested: NestedHeading[] = [];
		const next = inferred[0];
		if (token.type === 'heading') {
			const {depth, tokens} = token as Tokens.Heading;
			const known = real[realIndex++];
			const runs = inlineRuns(tokens, `h${Math.min(6, depth)}`, context);
			const text = sanitize(known?.text ?? runs.map(run => run.text).join('').trim());
			block = renderHeading(runs, depth, width, writer);
			heading = {id: known?.id ?? slug(text), text, depth, line: 0, inferred: false};
		} else if (token.type === 'paragraph' && next?.source !== undefined && token.raw.trim() === next.source) {
			inferred.shift();
			block = renderHeading([{text: sanitize(next.text), key: `h${Math.min(6, next.depth)}`}], next.depth, width, writer);
			heading = {id: next.id, text: sanitize(next.text), depth: next.depth, line: 0, inferred: true};
		} else {
			block = renderBlock(token, width, context, 0);
			nested = context.nestedHeadings!.splice(0);
		}

		if (block.length === 0) {
			continue;
		}

		if (lines.length > bodyStart) {
			lines.push(blankLine);
		}

		if (heading) {
			heading.line = lines.length;
			headings.push(heading);
			anchors[heading.id] ??= heading.line;
		}

		// Headings inside quotes and list items are the outline's too, in document order.
		for (const inner of nested) {
			const known = real[realIndex++];
			const text = sanitize(known?.text ?? inner.text);
			const drawn: RenderedHeading = {id: known?.id ?? slug(text), text, depth: inner.depth, line: lines.length + inner.line, inferred: false};
			headings.push(drawn);
			anchors[drawn.id] ??= drawn.line;
		}

		for (const id of context.pendingAnchors.splice(0)) {
			anchors[id] ??= lines.length;
		}

		blocks.push({line: lines.length, source});

		appendAll(lines, block);
	}

	while (lines.length > bodyStart && lines.at(-1)!.width === 0) {
		lines.pop();
	}

	const indent = margin > 0 ? lineOf([{text: ' '.repeat(margin), key: ''}], writer) : undefined;
	const fitted = lines.map(line => {
		// A safety net for the narrowest widths (a list marker wider than the text column).
		const fit = line.width > width && !line.overflow ? clipRuns([{text: line.plain, key: ''}], width, writer) : line;
		return indent && fit.width > 0 ? prefixLine(fit, indent) : fit;
	});
	return {...assembleArticle(fitted, headings, anchors, context.links, blocks), header};
}

/**
 * Renders a post to finished terminal lines at a width, with where each heading, anchor and link
 * landed. Pure and synchronous; never throws: if marked gives up on hostile input (deep nesting
 * overflows its stack), the post is shown as plain text with a notice.
 */
export function renderArticle(post: ArticleSource, options: RenderOptions): RenderedText {
	try {
		return render(post, options);
	} catch (error) {
		return plainArticle(post, options, `Shown as plain text: the Markdown could not be rendered (${error instanceof Error ? error.message : String(error)}).`);
	}
}
