import {type Candidate, plainInline} from './outline.js';
import type {Heading} from './post.js';

type Inferred = Omit<Heading, 'id'>;

// `**Designing Microservices:**`, `**Caching**:`, `__Setup__`: bold and nothing else.
const boldLine = /^(\*\*|__)(?=\S)([^*_]{1,80}?)\1[ \t]*(:?)$/;
// `Key takeaways:`: short, no sentence punctuation before the colon, not a list or a block.
const labelLine = /^(?![-*+>|<!#[\d])([^.!?;:]{1,60}):$/;
// A bold sentence is emphasis, not a heading: `**And that is all there is to it.**`.
const sentenceEnd = /[.?!。？！…]$/;
const maxHeadingWords = 10;
const maxHeadingLength = 60;
const maxItemLength = 100;
// Any of these means the author wrote Markdown, so a `Label:` line is prose they chose not to make a heading.
const blockSyntax = /^(?: {0,3}(?:#{1,6}(?:\s|$)|>|[-*+]\s|\d{1,9}[.)]\s|`{3}|~{3}|\||<[a-zA-Z/!]|(?:=+|-+|\*{3,}|_{3,})\s*$)| {4,}\S|\t)/m;
const inlineSyntax = /\*\*|__|\*\S|`|\]\(|\]\[|<[a-zA-Z/!]/;

function hasMarkdownSyntax(body: string): boolean {
	return blockSyntax.test(body) || inlineSyntax.test(body);
}

function headingLike(text: string): boolean {
	return /[\p{L}\p{N}]/u.test(text) && !sentenceEnd.test(text) && text.length <= maxHeadingLength && text.split(/\s+/).length <= maxHeadingWords;
}

/** The lines a label introduces: the rest of its paragraph, or the next paragraph when it stands alone. */
function itemsAfter(lines: string[], candidate: Candidate): {from: number; to: number} {
	let from = candidate.line + 1;
	if (candidate.lines === 1) {
		while (from < lines.length && lines[from]!.trim() === '') {
			from++;
		}
	}

	let to = from;
	while (to < lines.length && lines[to]!.trim() !== '') {
		to++;
	}

	return {from, to};
}

type Split = {line: number; items?: {from: number; to: number}};

/** Puts a blank line after each split line and makes a label's items a list, keeping headings' lines right. */
function applySplits(lines: string[], splits: Split[], headings: Inferred[]): string[] {
	const out: string[] = [];
	const moved = new Map<number, number>();
	let next = 0;
	for (const [index, line] of lines.entries()) {
		moved.set(index, out.length);
		const split = splits[next];
		if (split?.items && index >= split.items.from && index < split.items.to) {
			out.push(`- ${line.trim()}`);
			if (index === split.items.to - 1) {
				next++;
			}

			continue;
		}

		if (split?.line === index) {
			out.push(line.trimEnd().replace(/\\$/, ''));
			if (lines[index + 1]?.trim() !== '') {
				out.push('');
			}

			if (!split.items) {
				next++;
			}

			continue;
		}

		out.push(line);
	}

	for (const heading of headings) {
		heading.line = moved.get(heading.line)!;
	}

	return out;
}

/**
 * Headings for a post that has none, from two shapes only:
 * - a paragraph that is only bold text (`**Caching**`), or whose first line is and ends in a hard
 *   line break (`**Designing Microservices:**␣␣` then the paragraph), unless the bold text is a sentence;
 * - in a post with no Markdown syntax at all (a page scraped to plain text), a short `Label:` line
 *   followed by two or more short lines, read as its items.
 * A `Label:` line in a Markdown post ("To install just run:") is prose, never a heading, and one such
 * heading alone in a post is taken for emphasis, not sections. The body is
 * split where needed so each inferred heading is a one-line paragraph, and a label's items become a list.
 */
export function inferHeadings(body: string, candidates: Candidate[]): {body: string; headings: Inferred[]} {
	const headings: Inferred[] = [];
	const splits: Split[] = [];
	let lines: string[] | undefined;
	let plain: boolean | undefined;
	for (const candidate of candidates) {
		const first = candidate.hardBreak ? candidate.text.replace(/\\$/, '').trimEnd() : candidate.text;
		const bold = boldLine.exec(first);
		if (bold && (candidate.lines === 1 || candidate.hardBreak)) {
			const text = plainInline(bold[2]!).replace(/\s*:$/, '');
			if (headingLike(text)) {
				headings.push({depth: 2, text, inferred: true, line: candidate.line, source: first});
				if (candidate.hardBreak) {
					splits.push({line: candidate.line});
				}
			}

			continue;
		}

		const label = labelLine.exec(candidate.text);
		if (!label || label[1]!.trim().split(/\s+/).length > 8) {
			continue;
		}

		plain ??= !hasMarkdownSyntax(body);
		lines ??= body.split('\n');
		const items = plain ? itemsAfter(lines, candidate) : undefined;
		const itemLines = items ? lines.slice(items.from, items.to) : [];
		const text = plainInline(label[1]!);
		if (itemLines.length >= 2 && itemLines.every(item => item.trim().length <= maxItemLength && !item.trim().endsWith(':')) && headingLike(text)) {
			headings.push({depth: 2, text, inferred: true, line: candidate.line, source: candidate.text});
			splits.push({line: candidate.line, items});
		}
	}

	// One bold line in a whole post is emphasis; sections come at least two to a post.
	if (headings.length < 2) {
		return {body, headings: []};
	}

	if (splits.length === 0) {
		return {body, headings};
	}

	return {body: applySplits(lines ?? body.split('\n'), splits, headings).join('\n'), headings};
}
