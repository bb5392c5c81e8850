import type {Tokens} from 'marked';
import {canHighlight, highlightCode} from './highlight-code.js';
import {clipRuns, joinLines, type Line, type LineWriter, lineOf, prefixLine, type Run, spaceLine} from './lines.js';
import {sanitize} from './sanitize.js';
import {textWidth} from './text-width.js';

/** Tabs to spaces up to the next multiple of four columns, line by line, as editors show code. */
function expandTabs(code: string): string {
	if (!code.includes('\t')) {
		return code;
	}

	return code.split('\n').map(line => {
		let column = 0;
		return line.replaceAll(/[^\t]*\t/g, chunk => {
			column += chunk.length - 1;
			const spaces = 4 - (column % 4);
			column += spaces;
			return `${chunk.slice(0, -1)}${' '.repeat(spaces)}`;
		});
	}).join('\n');
}

/**
 * A fenced or indented code block in a rounded frame, labelled with its language. Lines are never
 * wrapped (that would change the code); a line too long for the frame ends in `…`. Only labelled code
 * in a language highlight.js knows is coloured: guessing is slow and colours ordinary words. Only the
 * first `budget.highlight` characters of code in an article are coloured: highlight.js is the slowest
 * part of rendering, and a post with hundreds of kilobytes of code must still open quickly.
 */
export function renderCodeBlock(token: Tokens.Code, width: number, writer: LineWriter, budget: {highlight: number}): Line[] {
	const language = sanitize(token.lang ?? '').trim().split(/\s+/)[0] ?? '';
	const code = sanitize(expandTabs(token.text.replace(/\n$/, '')));
	const source = code.split('\n');
	const colour = writer.paint('code-border').open !== '' && code.length <= budget.highlight && canHighlight(language);
	const highlighted = colour ? highlightCode(code, language, '') : undefined;
	if (colour) {
		budget.highlight -= code.length;
	}

	const runs: Run[][] = source.map((line, index) => highlighted?.[index] ?? [{text: line, key: ''}]);
	if (width < 6) {
		return runs.map(line => clipRuns(line, width, writer));
	}

	const widest = source.reduce((most, line) => Math.max(most, textWidth(line)), 0);
	const label = language === '' ? '' : ` ${language} `;
	const inner = Math.min(width - 4, Math.max(widest, textWidth(label) + 2, 8));
	const bar = (text: string): Run => ({text, key: 'code-border'});
	const top = clipRuns([bar('╭─'), {text: label, key: 'code-label'}], inner + 3, writer);
	const lines = [prefixLine(lineOf([bar(`${'─'.repeat(Math.max(0, inner + 3 - top.width))}╮`)], writer), top)];
	const left = lineOf([bar('│ ')], writer);
	const right = lineOf([bar(' │')], writer);
	for (const line of runs) {
		const body = clipRuns(line, inner, writer);
		lines.push(joinLines([left, body, spaceLine(inner - body.width), right]));
	}

	lines.push(lineOf([bar(`╰${'─'.repeat(inner + 2)}╯`)], writer));
	return lines;
}
