import type {Painter} from './style.js';
import {splitGraphemes, textWidth} from './text-width.js';

/** A styled span of inline text. `link` indexes the article's link list. A `\n` run is a hard break. */
export type Run = {text: string; key: string; link?: number};

/** Where a link sits on a line: string indices into the line's plain text. */
export type LinkPart = {link: number; from: number; to: number};

/** A finished line: styled text, the same text without styling, its width in columns, its links. */
export type Line = {ansi: string; plain: string; width: number; links: LinkPart[]};

type Piece = {text: string; key: string; link: number | undefined; width: number};

export const blankLine: Line = {ansi: '', plain: '', width: 0, links: []};

/** How a line's pieces become escape sequences: the painter, and which links may become OSC 8. */
export type LineWriter = {paint: Painter; hyperlink: (link: number) => string | undefined};

/** Joins pieces into a line, merging neighbours of the same style and link. */
function toLine(pieces: Piece[], writer: LineWriter): Line {
	let ansi = '';
	let plain = '';
	let width = 0;
	const links: LinkPart[] = [];
	let index = 0;
	while (index < pieces.length) {
		const first = pieces[index]!;
		let text = first.text;
		let pieceWidth = first.width;
		index++;
		while (index < pieces.length && pieces[index]!.key === first.key && pieces[index]!.link === first.link) {
			text += pieces[index]!.text;
			pieceWidth += pieces[index]!.width;
			index++;
		}

		const {open, close} = writer.paint(first.key);
		const url = first.link === undefined ? undefined : writer.hyperlink(first.link);
		ansi += url === undefined ? open + text + close : `\u001B]8;;${url}\u001B\\${open}${text}${close}\u001B]8;;\u001B\\`;
		if (first.link !== undefined) {
			const last = links.at(-1);
			if (last?.link === first.link && last.to === plain.length) {
				last.to += text.length;
			} else {
				links.push({link: first.link, from: plain.length, to: plain.length + text.length});
			}
		}

		plain += text;
		width += pieceWidth;
	}

	return {ansi, plain, width, links};
}

/** One styled line from runs, without wrapping (callers clip it when it may be too wide). */
export function lineOf(runs: Run[], writer: LineWriter): Line {
	return toLine(runs.filter(run => run.text !== '').map(run => ({text: run.text, key: run.key, link: run.link, width: textWidth(run.text)})), writer);
}

/**
 * Word-wraps inline runs to `width` columns (at least 1). Words longer than a line are broken
 * between graphemes; spaces at a break are dropped; `\n` runs force a break.
 */
export function wrapRuns(runs: Run[], width: number, writer: LineWriter): Line[] {
	const limit = Math.max(1, width);
	const lines: Piece[][] = [];
	let line: Piece[] = [];
	let lineWidth = 0;
	let spaces: Piece[] = [];
	let spacesWidth = 0;
	let word: Piece[] = [];
	let wordWidth = 0;

	const newLine = () => {
		lines.push(line);
		line = [];
		lineWidth = 0;
	};

	const placeWord = () => {
		if (word.length === 0) {
			return;
		}

		if (lineWidth + spacesWidth + wordWidth <= limit) {
			if (lineWidth > 0) {
				line.push(...spaces);
				lineWidth += spacesWidth;
			}
		} else if (wordWidth <= limit) {
			newLine();
		} else {
			if (lineWidth > 0 && lineWidth + spacesWidth < limit) {
				line.push(...spaces);
				lineWidth += spacesWidth;
			}

			for (const piece of word) {
				for (const grapheme of splitGraphemes(piece.text)) {
					if (lineWidth + grapheme.width > limit && lineWidth > 0) {
						newLine();
					}

					line.push({text: grapheme.text, key: piece.key, link: piece.link, width: grapheme.width});
					lineWidth += grapheme.width;
				}
			}

			word = [];
			wordWidth = 0;
			spaces = [];
			spacesWidth = 0;
			return;
		}

		line.push(...word);
		lineWidth += wordWidth;
		word = [];
		wordWidth = 0;
		spaces = [];
		spacesWidth = 0;
	};

	for (const run of runs) {
		if (run.text === '\n') {
			placeWord();
			newLine();
			spaces = [];
			spacesWidth = 0;
			continue;
		}

		for (const match of run.text.matchAll(/( +)|([^ ]+)/g)) {
			const text = match[0];
			if (match[1] === undefined) {
				const pieceWidth = textWidth(text);
				word.push({text, key: run.key, link: run.link, width: pieceWidth});
				wordWidth += pieceWidth;
			} else {
				placeWord();
				// Only the last gap before a word counts; a gap at the start of a line is dropped.
				spaces.push({text, key: run.key, link: run.link, width: text.length});
				spacesWidth += text.length;
			}
		}
	}

	placeWord();
	if (line.length > 0 || lines.length === 0) {
		lines.push(line);
	}

	return lines.map(pieces => toLine(pieces, writer));
}

/** Puts `prefix` (already styled, `width` columns) before a line. */
export function prefixLine(line: Line, prefix: Line): Line {
	const shift = prefix.plain.length;
	return {
		ansi: prefix.ansi + line.ansi,
		plain: prefix.plain + line.plain,
		width: prefix.width + line.width,
		links: [...prefix.links, ...line.links.map(part => ({...part, from: part.from + shift, to: part.to + shift}))],
	};
}

/** Cuts a line of runs to `width` columns, ending in a dim `…` where something was cut. */
export function clipRuns(runs: Run[], width: number, writer: LineWriter): Line {
	const pieces: Piece[] = [];
	let used = 0;
	const total = runs.reduce((sum, run) => sum + textWidth(run.text), 0);
	if (total <= width) {
		return lineOf(runs, writer);
	}

	const room = Math.max(0, width - 1);
	outer: for (const run of runs) {
		for (const grapheme of splitGraphemes(run.text)) {
			if (used + grapheme.width > room) {
				break outer;
			}

			pieces.push({text: grapheme.text, key: run.key, link: run.link, width: grapheme.width});
			used += grapheme.width;
		}
	}

	if (width >= 1) {
		pieces.push({text: '…', key: 'clip', link: undefined, width: 1});
	}

	return toLine(pieces, writer);
}
