import {decodeEntities} from './decode-entities.js';
import {inferHeadings} from './infer-headings.js';
import {componentLine, jsxChildLines} from './jsx-children.js';
import type {Heading} from './post.js';
import {createSlugger} from './slugger.js';

// `[text](…)` is a link only when `(…)` can be a destination (as render/lexer.ts reads it): `<…>` or
// text without spaces, then an optional title; `[**b**](not a url)` is text and bold.
const linkTail = String.raw`\(\s*(?:<[^<>\n]*>|[^\s()<]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)`;
const inlineImage = new RegExp(String.raw`!\[([^\]]*)\]${linkTail}`, 'g');
const inlineLink = new RegExp(String.raw`\[([^\]]*)\]${linkTail}`, 'g');

/** Reduces inline Markdown in a heading to the text a reader sees. */
export function plainInline(markdown: string): string {
	if (!/[!\[<`*_~&\\\t\n]| {2}/.test(markdown)) {
		return markdown.trim();
	}

	// Escaped punctuation is set aside first so `\*` never pairs up as emphasis, and so is `&` in code
	// (entities in code stay as written).
	return decodeEntities(markdown
		.replace(/\\([!-/:-@[-`{-~])/g, (_, character: string) => String.fromCharCode(0xE000 + character.charCodeAt(0)))
		.replace(inlineImage, '$1')
		.replace(inlineLink, '$1')
		.replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/(`+)(.+?)\1/g, (_, _ticks: string, code: string) => code.replaceAll('&', '\uE026'))
		.replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
		.replace(/(\*|_)(\S(?:.*?\S)?)\1/g, '$2')
	).replace(/[\uE021-\uE07E]/g, character => String.fromCharCode(character.charCodeAt(0) - 0xE000))
		.replace(/\s+/g, ' ')
		.trim();
}

// Block starts that matter for telling top-level paragraphs and headings apart (CommonMark, as marked reads it).
const fenceOpen = /^( *)(`{3,}|~{3,})([^`]*)$/;
const atxHeading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setextUnderline = /^ {0,3}(=+|-+)[ \t]*$/;
const listItem = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const htmlRaw = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
const htmlComment = /^ {0,3}<!--/;
const htmlBlockTag = /^ {0,3}<\/?(address|article|aside|blockquote|body|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|html|iframe|legend|li|main|menu|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?:\s|\/?>|$)/i;
const htmlAnyTag = /^ {0,3}(?:<[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>|<\/[a-zA-Z][\w-]*\s*>)\s*$/;

/** A top-level paragraph whose first line might stand in for a heading: its first line, trimmed, and its length in lines. */
export type Candidate = {line: number; text: string; lines: number; hardBreak: boolean};
/** A top-level paragraph: its first line's index and how many lines it has. */
export type Paragraph = {line: number; lines: number};
export type BodyScan = {
	/** Every heading the article draws, in order: top-level ones and those inside quotes and list items. */
	headings: Array<Omit<Heading, 'id'>>;
	/** The lines of the headings that sit inside a quote or list item (never a title). */
	nestedLines: Set<number>;
	candidates: Candidate[];
	/** The first top-level paragraphs, in order (for the description and collapsed-line repair). */
	paragraphs: Paragraph[];
	/** Top-level paragraphs that open with `import` or `export`: in MDX, JavaScript (ESM) blocks. */
	esm: Paragraph[];
	/** The first line that starts a block other than an HTML comment or a line of images and badges; -1 if none. */
	firstBlock: number;
	lineCount: number;
	/** Lines of code (fenced with their fence lines, indented), as `[first, last]` pairs in order: what Markdown shows as written. */
	code: number[];
};

/** `---`, `* * *`, `___`: checked by a loop, as a regex for it overflows the stack on a megabyte of `- `. */
function isThematicBreak(line: string): boolean {
	const indent = indentOf(line);
	const marker = line.charCodeAt(indent);
	if (indent > 3 || (marker !== 45 && marker !== 42 && marker !== 95)) {
		return false;
	}

	let count = 0;
	for (let index = indent; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (code === marker) {
			count++;
		} else if (code !== 32 && code !== 9) {
			return false;
		}
	}

	return count >= 3;
}

const listItemAt = /( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/y;

/**
 * What a line inside quotes and list items holds once their markers are taken off (`> * ## x` gives
 * `## x`): `>` and one space, a list marker and its spaces (only one when more than four, as the
 * rest then opens indented code). Walks an index, not slices: a 9 MB line of `>` must stay linear.
 */
export function withoutContainers(content: string): string {
	let at = 0;
	for (;;) {
		let indent = 0;
		while (indent < 3 && content.charCodeAt(at + indent) === 32) {
			indent++;
		}

		if (content.charCodeAt(at + indent) === 62) {
			at += indent + 1 + (content.charCodeAt(at + indent + 1) === 32 ? 1 : 0);
			continue;
		}

		listItemAt.lastIndex = at;
		const item = listItemAt.exec(content);
		if (!item || item[3] === '') {
			return content.slice(at);
		}

		at += item[1]!.length + item[2]!.length + (item[3]!.length > 4 ? 1 : item[3]!.length);
	}
}

/** An outline stops here: a real post never has this many headings, and a hostile one should not cost seconds. */
export const maxOutline = 5000;

// A heading's text beyond this is not read: no reader needs it, and inline patterns are slow on megabytes.
const headingTextLimit = 500;

function headingText(markdown: string): string {
	return plainInline(markdown.length > headingTextLimit ? markdown.slice(0, headingTextLimit) : markdown);
}

/** Whether a line's content leaves a paragraph open (text, not a heading, fence or rule). */
function opensParagraph(content: string): boolean {
	return content.trim() !== '' && !/^\s*(#{1,6}(\s|$)|`{3,}|~{3,})/.test(content) && !isThematicBreak(content);
}

/** Lines that end a table (and start something else). */
function startsBlock(line: string): boolean {
	return atxHeading.test(line) || /^( {0,3}(>|`{3,}|~{3,})| {4})/.test(line) || isThematicBreak(line) || listItem.test(line)
		|| htmlRaw.test(line) || htmlComment.test(line) || htmlBlockTag.test(line);
}

function cells(row: string): number {
	return row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).length;
}

/** A GFM table: a header row, then a delimiter row with as many cells (`|---|:--:|`); checked cell by cell, as one regex overflows on long rows. */
function isTableDelimiter(header: string, line: string): boolean {
	if (indentOf(line) > 3 || !/^[|:\-\s]+$/.test(line) || !line.includes('-') || !(line.includes('|') || header.includes('|'))) {
		return false;
	}

	const row = line.trim().replace(/^\|/, '').replace(/\|$/, '');
	const delimiters = row.split('|');
	return delimiters.every(cell => /^\s*:?-+:?\s*$/.test(cell)) && cells(header) === delimiters.length;
}

function isLetter(code: number): boolean {
	return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xC0 && code !== 0x2022);
}

function indentOf(line: string): number {
	let index = 0;
	while (line.charCodeAt(index) === 32) {
		index++;
	}

	return index;
}

// What a description and a title H1 may have above them: badges and images (`[![build](…)](…)`, `![](…)`).
const imageLine = /^\s*(?:!\[[^\]]*\]\([^)]*\)|\[!\[.*)\s*$/;
const esmStart = /^(?:import|export)\s/;
const maxParagraphs = 50;

/**
 * Walks the body once, finding headings (top-level, and ATX ones inside quotes and list items),
 * paragraphs and the candidates inference looks at. This hand-written block scanner, rather than marked's lexer, is what reads every post when a
 * library loads: it only tells block kinds apart (no inline parsing, no tokens kept) and measured
 * about 20× faster than marked's lexer on 10,000 posts. It must agree with marked on which lines are
 * headings (test/content/outline.test.ts checks it on generated documents, and
 * outline-equals-article.test.ts on every fixture against the rendered article).
 */
function scan(body: string, jsx = true): BodyScan {
	const headings: BodyScan['headings'] = [];
	const nestedLines = new Set<number>();
	const record = (heading: BodyScan['headings'][number]) => {
		if (headings.length < maxOutline) {
			headings.push(heading);
		}
	};
	const candidates: Candidate[] = [];
	const paragraphs: Paragraph[] = [];
	const esm: Paragraph[] = [];
	let firstBlock = -1;
	const lines = body.split('\n');
	let fence: {marker: string; indent: number} | undefined;
	const code: number[] = [];
	// Code from this line on (-1: none open): the range ends at the line before the next non-code line.
	let codeStart = -1;
	const addCode = (first: number, last: number) => {
		if (code.length > 0 && code.at(-1) === first - 1) {
			code[code.length - 1] = last;
		} else {
			code.push(first, last);
		}
	};

	const endCode = (last: number) => {
		if (codeStart !== -1) {
			addCode(codeStart, last);
			codeStart = -1;
		}
	};

	let html: 'comment' | 'raw' | 'block' | undefined;
	let rawTag = '';
	let indentedCode = false;
	let quote = false;
	// Whether the open fence or HTML block is inside a quote: it ends with the quote.
	let nestedQuote = false;
	let listIndent = -1;
	// Whether the quote or list item ends in an open paragraph, which a following line may lazily continue.
	let nestedParagraph = false;
	// That paragraph's first line and its text lines, which a setext underline makes a heading.
	let nestedStart = 0;
	let nestedText: string[] = [];
	let table = false;
	// The open top-level paragraph: its first line and how many lines it has (0: none open).
	let paragraphStart = 0;
	let paragraph = 0;
	let previousBlank = true;

	/**
	 * A line's content inside a quote or list item (`quoted`: inside a quote, whose every line must
	 * start with `>`): a heading there is in the outline, as the article draws it; fences and raw HTML
	 * (`<pre>`, comments) inside still hide what they hold.
	 */
	const nestedContent = (content: string, index: number, quoted: boolean) => {
		const inner = withoutContainers(content);
		const innerRaw = htmlRaw.exec(inner);
		if (innerRaw && !inner.toLowerCase().includes(`</${innerRaw[1]!.toLowerCase()}>`)) {
			html = 'raw';
			rawTag = innerRaw[1]!.toLowerCase();
			nestedQuote = quoted;
			return;
		}

		if (htmlComment.test(inner) && !inner.includes('-->')) {
			html = 'comment';
			nestedQuote = quoted;
			return;
		}

		const innerFence = fenceOpen.exec(inner);
		if (innerFence && !(innerFence[2]![0] === '`' && innerFence[3]!.includes('`'))) {
			fence = {marker: innerFence[2]!, indent: innerFence[1]!.length};
			codeStart = index;
			nestedQuote = quoted;
			nestedParagraph = false;
			return;
		}

		if (nestedParagraph && setextUnderline.test(inner)) {
			nestedLines.add(nestedStart);
			record({depth: inner.trim().startsWith('=') ? 1 : 2, text: headingText(nestedText.join(' ')), inferred: false, line: nestedStart, source: lines.slice(nestedStart, index).map(part => part.trim()).join('\n')});
			nestedParagraph = false;
			return;
		}

		const atx = atxHeading.exec(inner);
		if (atx) {
			nestedLines.add(index);
			record({depth: atx[1]!.length, text: headingText(atx[2] ?? ''), inferred: false, line: index, source: lines[index]!.trim()});
		}

		continueNested(opensParagraph(inner), inner, index);
	};

	const continueNested = (opens: boolean, text: string, index: number) => {
		if (opens && !nestedParagraph) {
			nestedStart = index;
			nestedText = [];
		}

		// Only the start of a long paragraph can become a heading's text that anyone reads.
		if (opens && nestedText.length < 50) {
			nestedText.push(text.trim());
		}

		nestedParagraph = opens;
	};

	const closeParagraph = (nextStartsBlock: boolean) => {
		if (paragraph > 0 && paragraphs.length < maxParagraphs) {
			paragraphs.push({line: paragraphStart, lines: paragraph});
		}

		if (paragraph > 0 && esm.length < maxOutline && esmStart.test(lines[paragraphStart]!)) {
			esm.push({line: paragraphStart, lines: paragraph});
		}

		if (paragraph > 0 && nextStartsBlock) {
			const first = lines[paragraphStart]!;
			const text = first.trim();
			// Only these can become inferred headings: keep the list short.
			if (candidates.length < maxOutline && text.length <= 90 && (text.startsWith('**') || text.startsWith('__') || text.endsWith(':'))) {
				candidates.push({line: paragraphStart, text, lines: paragraph, hardBreak: paragraph > 1 && /( {2,}|\\)$/.test(first)});
			}
		}

		paragraph = 0;
	};

	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		const indent = indentOf(line);
		const blank = indent === line.length || (line.charCodeAt(indent) <= 32 && line.trim() === '');
		const wasBlank = previousBlank;
		previousBlank = blank;

		const leftQuote = (fence !== undefined || html !== undefined) && nestedQuote && !/^ {0,3}>/.test(line);
		if (leftQuote) {
			// A line without `>` ends the quote, and so the code or HTML in it (no lazy continuation there).
			if (fence) {
				endCode(index - 1);
			}

			fence = undefined;
			html = undefined;
			quote = false;
			nestedParagraph = false;
		}

		if (fence) {
			const close = /^( *)(`{3,}|~{3,})[ \t]*$/.exec(nestedQuote ? withoutContainers(line) : line);
			if (close && close[2]![0] === fence.marker[0] && close[2]!.length >= fence.marker.length && close[1]!.length <= fence.indent + 3) {
				fence = undefined;
				endCode(index);
			}

			continue;
		}

		if (html) {
			if ((html === 'comment' && line.includes('-->')) || (html === 'raw' && line.toLowerCase().includes(`</${rawTag}>`)) || (html === 'block' && blank)) {
				html = undefined;
			}

			continue;
		}

		if (blank) {
			closeParagraph(true);
			quote = false;
			nestedParagraph = false;
			table = false;
			continue;
		}

		if (firstBlock === -1 && !htmlComment.test(line) && !imageLine.test(line)) {
			firstBlock = index;
		}

		if (indentedCode || (indent >= 4 && paragraph === 0 && listIndent < 0 && !(quote && nestedParagraph))) {
			indentedCode = indent >= 4;
			if (indentedCode) {
				table = false;
				addCode(index, index);
				continue;
			}
		}

		if (listIndent >= 0 && indent >= listIndent) {
			nestedContent(line.slice(indent), index, false);
			continue;
		}

		if (table) {
			if (!startsBlock(line)) {
				continue;
			}

			table = false;
		}

		// Most lines are prose: a line that starts with a letter can only continue or start a paragraph.
		if (indent <= 3 && isLetter(line.charCodeAt(indent))) {
			if ((quote || listIndent >= 0) && nestedParagraph) {
				continueNested(true, line, index);
				continue;
			}

			quote = false;
			listIndent = -1;
			if (paragraph === 0) {
				paragraphStart = index;
			}

			paragraph++;
			continue;
		}

		const fenceMatch = fenceOpen.exec(line);
		if (fenceMatch && fenceMatch[1]!.length <= 3 && !(fenceMatch[2]![0] === '`' && fenceMatch[3]!.includes('`'))) {
			closeParagraph(false);
			listIndent = -1;
			quote = false;
			fence = {marker: fenceMatch[2]!, indent: fenceMatch[1]!.length};
			codeStart = index;
			nestedQuote = false;
			continue;
		}

		if (/^ {0,3}>/.test(line)) {
			closeParagraph(false);
			// A new quote holds no paragraph yet: a list item's text above it is not its heading.
			nestedParagraph &&= quote;
			listIndent = -1;
			quote = true;
			nestedContent(line, index, true);
			continue;
		}

		const atx = atxHeading.exec(line);
		if (atx) {
			closeParagraph(false);
			listIndent = -1;
			quote = false;
			record({depth: atx[1]!.length, text: headingText(atx[2] ?? ''), inferred: false, line: index, source: line.trim()});
			continue;
		}

		// A table may interrupt a paragraph: its header is the paragraph's last line.
		if (paragraph > 0 && isTableDelimiter(lines[index - 1]!, line)) {
			paragraph--;
			closeParagraph(false);
			table = true;
			continue;
		}

		if (paragraph > 0 && setextUnderline.test(line)) {
			const textLines = lines.slice(paragraphStart, index);
			record({depth: line.trim().startsWith('=') ? 1 : 2, text: headingText(textLines.join(' ')), inferred: false, line: paragraphStart, source: textLines.map(part => part.trim()).join('\n')});
			paragraph = 0;
			continue;
		}

		if (isThematicBreak(line)) {
			closeParagraph(true);
			listIndent = -1;
			quote = false;
			continue;
		}

		const item = listItem.exec(line);
		// An ordered list interrupts a paragraph only when it starts at 1; an empty item never does.
		if (item && !(paragraph > 0 && (item[3] === '' || (/\d/.test(item[2]!) && !/^1[.)]$/.test(item[2]!))))) {
			closeParagraph(true);
			quote = false;
			const contentIndent = item[3] === '' || item[3]!.length > 4 ? 1 : item[3]!.length;
			listIndent = item[1]!.length + item[2]!.length + contentIndent;
			nestedParagraph = false;
			nestedContent(line, index, false);
			continue;
		}

		const lazy = (quote || listIndent >= 0) && nestedParagraph;
		if (jsx && paragraph === 0 && !lazy && componentLine.test(line)) {
			// An MDX component block, to the next blank line as the lexer reads it: its Markdown children's headings are drawn, so listed.
			let end = index;
			while (end + 1 < lines.length && lines[end + 1]!.trim() !== '') {
				end++;
			}

			const children = jsxChildLines(lines.slice(index, end + 1).join('\n'));
			for (const heading of children ? scan(children.markdown, false).headings : []) {
				const line = index + children!.lines[heading.line]!;
				nestedLines.add(line);
				record({...heading, line, source: lines[line]!.trim()});
			}

			listIndent = -1;
			quote = false;
			index = end;
			continue;
		}

		const raw = htmlRaw.exec(line);
		// HTML blocks of the kinds that may interrupt a paragraph also end a quote or list; a lone tag may not.
		if (raw || htmlComment.test(line) || htmlBlockTag.test(line) || (paragraph === 0 && !lazy && htmlAnyTag.test(line))) {
			closeParagraph(false);
			listIndent = -1;
			quote = false;
			html = raw ? 'raw' : htmlComment.test(line) ? 'comment' : 'block';
			nestedQuote = false;
			rawTag = raw ? raw[1]!.toLowerCase() : '';
			if ((html === 'comment' && line.includes('-->')) || (html === 'raw' && line.toLowerCase().includes(`</${rawTag}>`))) {
				html = undefined;
			}

			continue;
		}

		if (lazy) {
			// Lazy continuation of a quote or list item paragraph.
			continueNested(true, line, index);
			continue;
		}

		quote = false;
		listIndent = -1;
		if (paragraph === 0) {
			paragraphStart = index;
		}

		paragraph++;
	}

	closeParagraph(true);
	endCode(lines.length - 1);
	return {headings, nestedLines, candidates, paragraphs, esm, firstBlock, lineCount: lines.length, code};
}

/**
 * The post's outline and the body it refers to: its headings (also those in quotes and list items), or, when it has none,
 * headings inferred from bold paragraphs and plain-text labels (see `inferHeadings`), whose shapes
 * may need the body split so each stands alone. Ids are unique GitHub-style anchors. Pass `scanned`
 * when the body was already scanned by `scanBody` and has not changed since.
 */
export function outlineBody(body: string, scanned: BodyScan = scanBody(body)): {body: string; headings: Heading[]} {
	const found = scanned.headings.length > 0 ? {body, headings: scanned.headings} : inferHeadings(body, scanned.candidates);
	const slug = createSlugger();
	return {body: found.body, headings: found.headings.map(heading => ({...heading, id: slug(heading.text)}))};
}

/** The outline of a body that needs no split for its inferred headings (as `Post.body` never does). */
export function extractHeadings(body: string, scanned: BodyScan = scanBody(body)): Heading[] {
	return outlineBody(body, scanned).headings;
}

/** One pass over a body: its headings and the candidates for inferred ones. */
export function scanBody(body: string): BodyScan {
	return scan(body);
}
