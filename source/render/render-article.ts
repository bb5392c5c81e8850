import {Marked, type Token, type Tokens} from 'marked';
import {markedTerminal} from 'marked-terminal';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';
import type {ArticleSource, RenderedArticle, RenderedHeading, RenderOptions} from './article.js';
import {sanitize} from './sanitize.js';

function createMarked(width: number): Marked {
	const marked = new Marked();
	marked.use(markedTerminal({width, reflowText: true, showSectionPrefix: false, tab: 2}) as never);
	marked.use({
		renderer: {
			// marked-terminal prints tight list items' inline Markdown literally: render their inline tokens.
			text(this: {parser: {parseInline: (tokens: Token[]) => string}}, token: Tokens.Text) {
				return token.tokens ? this.parser.parseInline(token.tokens) : false;
			},
		} as never,
	});
	return marked;
}

const markedByWidth = new Map<number, Marked>();

function markedFor(width: number): Marked {
	let marked = markedByWidth.get(width);
	if (!marked) {
		marked = createMarked(width);
		markedByWidth.set(width, marked);
	}

	return marked;
}

function fit(line: string, width: number): string[] {
	if (stringWidth(line) <= width) {
		return [line];
	}

	return wrapAnsi(line, width, {hard: true, trim: false}).split('\n');
}

/** Renders a post body to terminal lines, recording where each heading landed. */
export function renderArticle(post: ArticleSource, options: RenderOptions): RenderedArticle {
	const width = Math.max(1, Math.floor(options.width));
	const marked = markedFor(width);
	const tokens = marked.lexer(sanitize(post.body));
	const lines: string[] = [];
	const headings: RenderedHeading[] = [];
	let headingIndex = 0;
	for (const token of tokens) {
		if (token.type === 'heading') {
			const known = post.headings.filter(heading => !heading.inferred)[headingIndex++];
			if (known) {
				headings.push({id: known.id, text: known.text, depth: known.depth, line: lines.length});
			}
		}

		const output = marked.parser([token] as never);
		for (const line of output.replace(/\n+$/, '').split('\n')) {
			lines.push(...fit(options.colorLevel === 0 ? stripAnsi(line) : line, width));
		}

		if (token.type !== 'space' && output.trim() !== '') {
			lines.push('');
		}
	}

	while (lines.length > 0 && lines.at(-1) === '') {
		lines.pop();
	}

	const anchors: Record<string, number> = {};
	for (const heading of headings) {
		anchors[heading.id] = heading.line;
	}

	return {lines, headings, anchors, links: []};
}
