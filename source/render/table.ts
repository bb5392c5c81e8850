import type {Tokens} from 'marked';
import {type InlineContext, inlineRuns} from './inline.js';
import {appendAll, blankLine, joinLines, type Line, type LineWriter, lineOf, type Run, spaceLine, wrapRuns} from './lines.js';
import {isPrintableAscii, textWidth} from './text-width.js';

type Align = 'left' | 'right' | 'center' | null;

/**
 * Column widths that fit `room` columns, the way browsers lay out tables: each column gets at least
 * its longest word when that is possible, and what is left goes to columns in proportion to how much
 * more they want. When even the longest words do not fit, columns share the room evenly (narrow ones
 * keep their natural width). Undefined when not even three columns each fit.
 */
export function columnWidths(natural: number[], longestWord: number[], room: number): number[] | undefined {
	const total = (widths: number[]) => widths.reduce((sum, width) => sum + width, 0);
	if (total(natural) <= room) {
		return natural;
	}

	if (room < natural.length * 3) {
		return undefined;
	}

	const minimum = natural.map((width, index) => Math.max(1, Math.min(width, longestWord[index]!)));
	if (total(minimum) <= room) {
		const spare = room - total(minimum);
		const wants = natural.map((width, index) => width - minimum[index]!);
		const wanted = total(wants);
		const widths = minimum.map((width, index) => width + Math.floor(spare * wants[index]! / wanted));
		let left = room - total(widths);
		for (let index = 0; left > 0; index = (index + 1) % widths.length) {
			if (widths[index]! < natural[index]!) {
				widths[index]!++;
				left--;
			}
		}

		return widths;
	}

	const widths = natural.map(() => 0);
	let left = room;
	const order = natural.map((width, index) => ({width, index})).sort((a, b) => a.width - b.width);
	for (const [position, column] of order.entries()) {
		const share = Math.floor(left / (order.length - position));
		widths[column.index] = Math.max(1, Math.min(column.width, share));
		left -= widths[column.index]!;
	}

	return widths;
}

/** A cell's line padded to its column's width as aligned, added to a row's parts. */
function pushAligned(parts: Line[], line: Line, width: number, align: Align): void {
	const gap = Math.max(0, width - line.width);
	const before = align === 'right' ? gap : (align === 'center' ? Math.floor(gap / 2) : 0);
	parts.push(spaceLine(before), line, spaceLine(gap - before));
}

function cellText(runs: Run[]): string {
	return runs.length === 1 ? runs[0]!.text : runs.map(run => run.text).join('');
}

function naturalWidth(runs: Run[]): number {
	const text = cellText(runs);
	// Printable ASCII has no line breaks and one column a character.
	if (isPrintableAscii(text)) {
		return text.length;
	}

	let widest = 0;
	for (const part of text.split('\n')) {
		widest = Math.max(widest, textWidth(part));
	}

	return widest;
}

function longestWord(runs: Run[]): number {
	const text = cellText(runs);
	let longest = 0;
	if (isPrintableAscii(text)) {
		// Spaces are the only white space here: measure between them without cutting words out.
		for (let start = 0; start <= text.length;) {
			const space = text.indexOf(' ', start);
			const end = space < 0 ? text.length : space;
			longest = Math.max(longest, end - start);
			start = end + 1;
		}

		return longest;
	}

	for (const word of text.split(/[\s]+/)) {
		longest = Math.max(longest, textWidth(word));
	}

	return longest;
}

/**
 * A GFM table laid out to fit `width`: columns shrink and cells wrap. When the columns cannot fit at
 * all, each row becomes a block of `header: value` lines instead.
 */
export function renderTable(token: Tokens.Table, width: number, writer: LineWriter, context: InlineContext): Line[] {
	const header = token.header.map(cell => inlineRuns(cell.tokens, 'table-head', context));
	const rows = token.rows.map(row => token.header.map((_, column) => inlineRuns(row[column]?.tokens ?? [], '', context)));
	const count = header.length;
	const natural = header.map((cell, column) => rows.reduce((widest, row) => Math.max(widest, naturalWidth(row[column]!)), Math.max(1, naturalWidth(cell))));
	const words = header.map((cell, column) => rows.reduce((longest, row) => Math.max(longest, longestWord(row[column]!)), longestWord(cell)));
	const widths = columnWidths(natural, words, width - (3 * count) - 1);
	if (!widths) {
		return recordRows(header, rows, width, writer);
	}

	const border = (text: string): Run => ({text, key: 'table-border'});
	const rule = (left: string, middle: string, right: string) =>
		lineOf([border(left + widths.map(columnWidth => '─'.repeat(columnWidth + 2)).join(middle) + right)], writer);
	const [left, between, right] = ['│ ', ' │ ', ' │'].map(text => lineOf([border(text)], writer)) as [Line, Line, Line];
	const rowLines = (cells: Run[][]): Line[] => {
		const wrapped = cells.map((cell, column) => wrapRuns(cell, widths[column]!, writer));
		const height = wrapped.reduce((most, cell) => Math.max(most, cell.length), 0);
		const lines: Line[] = [];
		for (let index = 0; index < height; index++) {
			const parts = [left];
			for (const [column, cell] of wrapped.entries()) {
				pushAligned(parts, cell[index] ?? blankLine, widths[column]!, token.align[column] ?? null);
				parts.push(column === count - 1 ? right : between);
			}

			lines.push(joinLines(parts));
		}

		return lines;
	};

	return [
		rule('┌', '┬', '┐'),
		...rowLines(header),
		rule('├', '┼', '┤'),
		...rows.flatMap(row => rowLines(row)),
		rule('└', '┴', '┘'),
	];
}

function recordRows(header: Run[][], rows: Run[][][], width: number, writer: LineWriter): Line[] {
	const lines: Line[] = [];
	for (const [index, row] of rows.entries()) {
		if (index > 0) {
			lines.push(lineOf([{text: '─'.repeat(Math.max(1, Math.min(width, 3))), key: 'table-border'}], writer));
		}

		for (const [column, cell] of row.entries()) {
			appendAll(lines, wrapRuns([...header[column]!, {text: ': ', key: 'table-head'}, ...cell], width, writer));
		}
	}

	return rows.length === 0 ? header.flatMap(cell => wrapRuns(cell, width, writer)) : lines;
}
