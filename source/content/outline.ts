import {decodeEntities} from './decode-entities.js';
import {inferHeadings} from './infer-headings.js';
import type {Heading} from './post.js';
import {createSlugger} from './slugger.js';

/** Reduces inline Markdown in a heading to the text a reader sees. */
export function plainInline(markdown: string): string {
	if (!/[!\[<`*_~&\\\t\n]| {2}/.test(markdown)) {
		return markdown.trim();
	}

	// Escaped punctuation is set aside first so `\*` never pairs up as emphasis, and so is `&` in code
	// (entities in code stay as written).
	return decodeEntities(markdown
		.replace(/\\([!-/:-@[-`{-~])/g, (_, character: string) => String.fromCharCode(0xE000 + character.charCodeAt(0)))
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
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
export type BodyScan = {headings: Array<Omit<Heading, 'id'>>; candidates: Candidate[]; lineCount: number};

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

/** A line without its leading `>` markers (a loop: a regex here overflows the stack on a 9 MB line of `>`). */
function afterQuoteMarkers(line: string): string {
	let index = 0;
	while (index < line.length && (line.charCodeAt(index) === 62 || line.charCodeAt(index) === 32)) {
		index++;
	}

	return line.slice(index);
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

/** Walks the body once, finding top-level headings and the one-line paragraphs inference looks at. */
function scan(body: string): BodyScan {
	const headings: BodyScan['headings'] = [];
	const record = (heading: BodyScan['headings'][number]) => {
		if (headings.length < maxOutline) {
			headings.push(heading);
		}
	};
	const candidates: Candidate[] = [];
	const lines = body.split('\n');
	let fence: {marker: string; indent: number} | undefined;
	let html: 'comment' | 'raw' | 'block' | undefined;
	let rawTag = '';
	let indentedCode = false;
	let quote = false;
	let listIndent = -1;
	// Whether the quote or list item ends in an open paragraph, which a following line may lazily continue.
	let nestedParagraph = false;
	let table = false;
	// The open top-level paragraph: its first line and how many lines it has (0: none open).
	let paragraphStart = 0;
	let paragraph = 0;
	let previousBlank = true;

	const closeParagraph = (nextStartsBlock: boolean) => {
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

		if (fence) {
			const close = /^( *)(`{3,}|~{3,})[ \t]*$/.exec(line);
			if (close && close[2]![0] === fence.marker[0] && close[2]!.length >= fence.marker.length && close[1]!.length <= fence.indent + 3) {
				fence = undefined;
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

		if (indentedCode || (indent >= 4 && paragraph === 0 && listIndent < 0 && !(quote && nestedParagraph))) {
			indentedCode = indent >= 4;
			if (indentedCode) {
				table = false;
				continue;
			}
		}

		if (listIndent >= 0 && indent >= listIndent) {
			// Content of a list item: fences and raw HTML (`<pre>`, comments) inside it still hide what they hold.
			const content = line.slice(indent);
			const innerRaw = htmlRaw.exec(content);
			if (innerRaw && !content.toLowerCase().includes(`</${innerRaw[1]!.toLowerCase()}>`)) {
				html = 'raw';
				rawTag = innerRaw[1]!.toLowerCase();
				continue;
			}

			if (htmlComment.test(content) && !content.includes('-->')) {
				html = 'comment';
				continue;
			}

			const inner = fenceOpen.exec(line);
			if (inner && !(inner[2]![0] === '`' && inner[3]!.includes('`'))) {
				fence = {marker: inner[2]!, indent: inner[1]!.length};
			}

			nestedParagraph = opensParagraph(line);
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
			continue;
		}

		if (/^ {0,3}>/.test(line)) {
			closeParagraph(false);
			listIndent = -1;
			quote = true;
			nestedParagraph = opensParagraph(afterQuoteMarkers(line));
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
			nestedParagraph = opensParagraph(line.slice(item[0].length));
			continue;
		}

		const lazy = (quote || listIndent >= 0) && nestedParagraph;
		const raw = htmlRaw.exec(line);
		// HTML blocks of the kinds that may interrupt a paragraph also end a quote or list; a lone tag may not.
		if (raw || htmlComment.test(line) || htmlBlockTag.test(line) || (paragraph === 0 && !lazy && htmlAnyTag.test(line))) {
			closeParagraph(false);
			listIndent = -1;
			quote = false;
			html = raw ? 'raw' : htmlComment.test(line) ? 'comment' : 'block';
			rawTag = raw ? raw[1]!.toLowerCase() : '';
			if ((html === 'comment' && line.includes('-->')) || (html === 'raw' && line.toLowerCase().includes(`</${rawTag}>`))) {
				html = undefined;
			}

			continue;
		}

		if (lazy) {
			// Lazy continuation of a quote or list item paragraph.
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
	return {headings, candidates, lineCount: lines.length};
}

/**
 * The post's outline and the body it refers to: its top-level headings, or, when it has none,
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

/** One pass over a body: its top-level headings and the candidates for inferred ones. */
export function scanBody(body: string): BodyScan {
	return scan(body);
}
