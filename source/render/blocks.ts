import type {Token, Tokens} from 'marked';
import {renderCodeBlock} from './code-block.js';
import {htmlBlockText} from './html-text.js';
import {jsxChildren} from '../content/jsx-children.js';
import {createLexer} from './lexer.js';
import {htmlTagRuns, type InlineContext, inlineRuns, prose} from './inline.js';
import {appendAll, blankLine, type Line, type LineWriter, lineOf, prefixLine, type Run, wrapRuns} from './lines.js';
import {nest, type Role} from './style.js';
import {renderTable} from './table.js';

/** A heading drawn inside a quote or list item: its line within the block being rendered. */
export type NestedHeading = {line: number; depth: number; text: string};

/**
 * `nestedHeadings` collects the headings drawn inside quotes and list items, in document order;
 * each container shifts the lines of those its children drew by where it put them. Unset where
 * headings are not part of the outline (the Markdown children of a JSX block inside a quote or list).
 */
export type BlockContext = InlineContext & {writer: LineWriter; budget: {highlight: number}; nestedHeadings?: NestedHeading[]};

/** Moves the nested headings recorded since `from` down by `offset` lines. */
function shiftHeadings(context: BlockContext, from: number, offset: number): void {
	const headings = context.nestedHeadings ?? [];
	for (let index = from; index < headings.length; index++) {
		headings[index]!.line += offset;
	}
}

const bullets = ['•', '◦', '▪', '‣'];

// Past this depth, lists and quotes stop indenting: the text would have no room left, and each
// level costs stack.
const maxIndentDepth = 24;

/** Lines of blocks, a blank line between them unless `tight` (the blocks of a tight list item). */
export function renderBlocks(tokens: Token[], width: number, context: BlockContext, depth: number, tight = false): Line[] {
	const lines: Line[] = [];
	for (const token of tokens) {
		const recorded = context.nestedHeadings?.length ?? 0;
		const block = renderBlock(token, width, context, depth);
		if (block.length === 0) {
			continue;
		}

		if (lines.length > 0 && !tight) {
			lines.push(blankLine);
		}

		shiftHeadings(context, recorded, lines.length);
		appendAll(lines, block);
	}

	return lines;
}

/** Prefixes the first line with `first` and the others with `rest` (both as wide as each other). */
function hang(lines: Line[], first: Line, rest: Line): Line[] {
	return lines.map((line, index) => index === 0 ? prefixLine(line, first) : (line.width === 0 ? blankLine : prefixLine(line, rest)));
}

function headingRole(depth: number): Role {
	return `h${Math.min(6, Math.max(1, depth))}` as Role;
}

/**
 * A heading: levels 1 and 2 underlined with `═`/`─` (so they stand out without colour too), deeper
 * ones led by their `###`.
 */
export function renderHeading(runs: Run[], depth: number, width: number, writer: LineWriter): Line[] {
	if (depth <= 2) {
		const lines = wrapRuns(runs, width, writer);
		const widest = Math.min(width, lines.reduce((most, line) => Math.max(most, line.width), 1));
		return [...lines, lineOf([{text: (depth === 1 ? '═' : '─').repeat(widest), key: nest(headingRole(depth), 'heading-mark')}], writer)];
	}

	const mark = `${'#'.repeat(Math.min(6, depth))} `;
	if (width <= mark.length + 1) {
		return wrapRuns(runs, width, writer);
	}

	return hang(wrapRuns(runs, width - mark.length, writer), lineOf([{text: mark, key: 'heading-mark'}], writer), lineOf([{text: ' '.repeat(mark.length), key: ''}], writer));
}

function renderList(token: Tokens.List, width: number, context: BlockContext, depth: number): Line[] {
	const {writer} = context;
	const start = typeof token.start === 'number' ? token.start : 1;
	const numberWidth = token.ordered ? String(start + token.items.length - 1).length + 1 : 0;
	const anyTask = token.items.some(item => item.task);
	const markerWidth = token.ordered ? numberWidth + 1 + (anyTask ? 2 : 0) : 2;
	const indent = depth < maxIndentDepth && width - markerWidth >= 1;
	const innerWidth = indent ? width - markerWidth : width;
	const bullet = bullets[depth % bullets.length]!;
	const lines: Line[] = [];
	for (const [index, item] of token.items.entries()) {
		const recorded = context.nestedHeadings?.length ?? 0;
		const content = renderBlocks(item.tokens.filter(child => child.type !== 'checkbox'), innerWidth, context, depth + 1, !token.loose);
		if (content.length === 0) {
			content.push(blankLine);
		}

		if (token.loose && index > 0) {
			lines.push(blankLine);
		}

		const runs: Run[] = [];
		if (token.ordered) {
			runs.push({text: `${start + index}.`.padStart(numberWidth), key: 'bullet'}, {text: ' ', key: ''});
		}

		if (item.task) {
			runs.push({text: item.checked ? '☑' : '☐', key: item.checked ? 'checked' : 'unchecked'}, {text: ' ', key: ''});
		} else if (token.ordered) {
			runs.push({text: anyTask ? '  ' : '', key: ''});
		} else {
			runs.push({text: bullet, key: 'bullet'}, {text: ' ', key: ''});
		}

		const first = lineOf(runs, writer);
		shiftHeadings(context, recorded, lines.length + (indent ? 0 : 1));
		if (!indent) {
			lines.push(first, ...content);
			continue;
		}

		appendAll(lines, hang(content, first, lineOf([{text: ' '.repeat(markerWidth), key: ''}], writer)));
	}

	return lines;
}

const alertMarker = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;
const alertTitles: Record<string, string> = {note: 'ℹ Note', tip: '✓ Tip', important: '‼ Important', warning: '⚠ Warning', caution: '⚠ Caution'};

/**
 * A GitHub alert (`> [!NOTE]` as the quote's first line): its kind, and the quote's blocks without
 * the marker. Undefined for an ordinary quote.
 */
function splitAlert(tokens: Token[]): {kind: string; tokens: Token[]} | undefined {
	const first = tokens[0];
	const text = first?.type === 'paragraph' ? (first as Tokens.Paragraph).tokens[0] : undefined;
	const marker = text?.type === 'text' ? alertMarker.exec(text.raw) : null;
	if (!first || !text || !marker) {
		return undefined;
	}

	const rest = text.raw.slice(marker[0].length);
	const inline = [...(rest === '' ? [] : [{...text, raw: rest, text: rest} as Token]), ...(first as Tokens.Paragraph).tokens.slice(1)];
	return {kind: marker[1]!.toLowerCase(), tokens: [...(inline.length > 0 ? [{...first, tokens: inline} as Token] : []), ...tokens.slice(1)]};
}

function renderQuote(token: Tokens.Blockquote, width: number, context: BlockContext, depth: number): Line[] {
	const alert = splitAlert(token.tokens);
	const recorded = context.nestedHeadings?.length ?? 0;
	const inner = renderBlocks(alert?.tokens ?? token.tokens, depth < maxIndentDepth && width > 2 ? width - 2 : width, context, depth + 1);
	if (alert) {
		const title = wrapRuns([{text: alertTitles[alert.kind]!, key: `alert-${alert.kind}`}], Math.max(1, width - 2), context.writer);
		shiftHeadings(context, recorded, title.length);
		inner.unshift(...title);
	}

	if (depth >= maxIndentDepth || width <= 2) {
		return inner;
	}

	const barKey = alert ? `alert-${alert.kind}` : 'quote-bar';
	const bar = lineOf([{text: '│ ', key: barKey}], context.writer);
	const blankBar = lineOf([{text: '│', key: barKey}], context.writer);
	return inner.map(line => line.width === 0 ? blankBar : prefixLine(line, bar));
}

function renderHtml(html: string, width: number, context: BlockContext, depth: number): Line[] {
	const markdown = jsxChildren(html);
	if (markdown !== undefined) {
		// The outline reads the headings of top-level JSX blocks; deeper ones are drawn but not listed.
		const {nestedHeadings: _, ...outside} = context;
		return renderBlocks(createLexer().lex(markdown), width, depth === 0 ? context : outside, depth);
	}

	const runs: Run[] = [];
	for (const tag of html.matchAll(/<(?:a|img)\s[^>]*>/gi)) {
		const tagRuns = htmlTagRuns(tag[0], '', context);
		if (tagRuns.length > 0) {
			runs.push(...tagRuns, {text: '\n', key: ''});
		}
	}

	for (const line of htmlBlockText(html)) {
		// Already decoded: decoding again would turn a written `&amp;lt;` into `<`.
		runs.push({text: prose(line), key: ''}, {text: '\n', key: ''});
	}

	runs.pop();
	return runs.length === 0 ? [] : wrapRuns(runs, width, context.writer);
}

/** One block token as lines of at most `width` columns (for widths of a few columns and up). */
export function renderBlock(token: Token, width: number, context: BlockContext, depth: number): Line[] {
	const {writer} = context;
	switch (token.type) {
		case 'space':
		case 'def':
		case 'checkbox': {
			return [];
		}

		case 'heading': {
			const heading = token as Tokens.Heading;
			const runs = inlineRuns(heading.tokens, headingRole(heading.depth), context);
			context.nestedHeadings?.push({line: 0, depth: heading.depth, text: runs.map(run => run.text).join('').trim()});

			return renderHeading(runs, heading.depth, width, writer);
		}

		case 'paragraph':
		case 'text': {
			const tokens = (token as Tokens.Paragraph).tokens ?? [{type: 'text', raw: token.raw, text: token.text as string}];
			const runs = inlineRuns(tokens, '', context);
			// A paragraph of nothing but tags (`<a id="x"></a>`) leaves no blank block behind.
			return runs.some(run => /\S/.test(run.text)) ? wrapRuns(runs, width, writer) : [];
		}

		case 'list': {
			return renderList(token as Tokens.List, width, context, depth);
		}

		case 'blockquote': {
			return renderQuote(token as Tokens.Blockquote, width, context, depth);
		}

		case 'code': {
			return renderCodeBlock(token as Tokens.Code, width, writer, context.budget);
		}

		case 'table': {
			return renderTable(token as Tokens.Table, width, writer, context);
		}

		case 'hr': {
			return [lineOf([{text: '─'.repeat(Math.max(1, width)), key: 'rule'}], writer)];
		}

		case 'html': {
			return renderHtml(token.text as string, width, context, depth);
		}

		default: {
			return wrapRuns(inlineRuns([{type: 'text', raw: token.raw, text: token.raw}], '', context), width, writer);
		}
	}
}
