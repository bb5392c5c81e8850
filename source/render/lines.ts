import type {Painter} from './style.js';
import {isPrintableAscii, splitGraphemes, textWidth} from './text-width.js';

/** A styled span of inline text. `link` indexes the article's link list. A `\n` run is a hard break. */
export type Run = {
	text: string;
	key: string;
	link?: number;
	/**
	 * An address printed for a terminal without OSC 8 links: a word holding it is never broken, even
	 * when wider than the line, because a terminal's copy would take the line break into the address.
	 */
	unbroken?: true;
};

/** Where a link sits on a line: string indices into the line's plain text. */
export type LinkPart = {link: number; from: number; to: number};

/** A finished line: styled text, the same text without styling, its width in columns, its links. */
export type Line = {
	ansi: string;
	plain: string;
	width: number;
	links: LinkPart[];
	/** Wider than the width it was wrapped to on purpose: it holds an unbroken address. */
	overflow?: true;
};

type Piece = {text: string; key: string; link: number | undefined; width: number};

// Shared by every line without links: most lines have none, and a 1 MB post has tens of thousands of lines.
const noLinks: LinkPart[] = [];

export const blankLine: Line = {ansi: '', plain: '', width: 0, links: noLinks};

/** How a line's pieces become escape sequences: the painter, and which links may become OSC 8. */
export type LineWriter = {paint: Painter; hyperlink: (link: number) => string | undefined};

/** Joins pieces into a line, merging neighbours of the same style and link. */
function toLine(pieces: Piece[], writer: LineWriter): Line {
	let ansi = '';
	let plain = '';
	let width = 0;
	let links = noLinks;
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
				if (links === noLinks) {
					links = [];
				}

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
	const pieces: Piece[] = [];
	for (const {text, key, link} of runs) {
		if (text !== '') {
			pieces.push({text, key, link, width: textWidth(text)});
		}
	}

	return toLine(pieces, writer);
}

/**
 * Word-wraps inline runs to `width` columns (at least 1). Runs of spaces collapse to one, as in
 * HTML; spaces at a break are dropped; words longer than a line are broken between graphemes; `\n`
 * runs force a break. Written for speed: a 1 MB post has a few hundred thousand words, so a word is
 * a range of its run's text, and a line's text is cut from the runs once per piece, not per word.
 */
export function wrapRuns(runs: Run[], width: number, writer: LineWriter): Line[] {
	const limit = Math.max(1, width);
	const lines: Line[] = [];
	let pieces: Piece[] = [];
	let lineWidth = 0;
	// The line's last piece, whose text is `done` and then `source` from `from` to `to`, cut when it ends.
	let last: Piece | undefined;
	let done = '';
	let source = '';
	let from = 0;
	let to = 0;
	// The space before the next word: its run, and where it is in that run's text.
	let space: Run | undefined;
	let spaceAt = 0;
	// The word being read, which may span runs (`**bold**,`): parallel arrays, reused (`partCount` long).
	const partRun: Run[] = [];
	const partFrom: number[] = [];
	const partTo: number[] = [];
	const partWidth: number[] = [];
	let partCount = 0;
	let wordWidth = 0;

	const closePiece = () => {
		if (last !== undefined) {
			last.text = done + source.slice(from, to);
			last = undefined;
		}
	};

	/** Adds `text` from `start` to `end`, styled as `run`, to the line. */
	const append = (text: string, start: number, end: number, run: Run, columns: number) => {
		if (last !== undefined && last.key === run.key && last.link === run.link) {
			if (text === source && start === to) {
				to = end;
			} else {
				done += source.slice(from, to);
				source = text;
				from = start;
				to = end;
			}

			last.width += columns;
		} else {
			closePiece();
			last = {text: '', key: run.key, link: run.link, width: columns};
			pieces.push(last);
			done = '';
			source = text;
			from = start;
			to = end;
		}

		lineWidth += columns;
	};

	const breakLine = () => {
		closePiece();
		const line = toLine(pieces, writer);
		lines.push(lineWidth > limit ? {...line, overflow: true} : line);
		pieces = [];
		lineWidth = 0;
	};

	const appendParts = () => {
		for (let index = 0; index < partCount; index++) {
			const run = partRun[index]!;
			append(run.text, partFrom[index]!, partTo[index]!, run, partWidth[index]!);
		}
	};

	const placeWord = () => {
		if (partCount === 0) {
			return;
		}

		const gap = space !== undefined && lineWidth > 0 ? 1 : 0;
		if (lineWidth + gap + wordWidth <= limit) {
			if (gap > 0) {
				append(space!.text, spaceAt, spaceAt + 1, space!, 1);
			}

			appendParts();
		} else if (wordWidth <= limit) {
			breakLine();
			appendParts();
		} else if (partRun.slice(0, partCount).some(run => run.unbroken)) {
			// An address wider than the line gets a line of its own, whole.
			if (lineWidth > 0) {
				breakLine();
			}

			appendParts();
		} else {
			// A long word starts a new line unless most of this one is still free (CJK text has no spaces).
			if (lineWidth > 0 && limit - lineWidth - gap < limit / 2) {
				breakLine();
			} else if (gap > 0) {
				append(space!.text, spaceAt, spaceAt + 1, space!, 1);
			}

			for (let index = 0; index < partCount; index++) {
				const run = partRun[index]!;
				for (const grapheme of splitGraphemes(run.text.slice(partFrom[index], partTo[index]))) {
					if (lineWidth + grapheme.width > limit && lineWidth > 0) {
						breakLine();
					}

					append(grapheme.text, 0, grapheme.text.length, run, grapheme.width);
				}
			}
		}

		partCount = 0;
		wordWidth = 0;
		space = undefined;
	};

	for (const run of runs) {
		const {text} = run;
		if (text === '\n') {
			placeWord();
			breakLine();
			space = undefined;
			continue;
		}

		// In plain ASCII (most text) a word is as wide as it is long: no need to cut it out to measure it.
		const ascii = isPrintableAscii(text);
		let index = 0;
		while (index < text.length) {
			if (text.charCodeAt(index) === 32) {
				placeWord();
				space = run;
				spaceAt = index;
				while (index < text.length && text.charCodeAt(index) === 32) {
					index++;
				}

				continue;
			}

			let end = text.indexOf(' ', index);
			if (end < 0) {
				end = text.length;
			}

			const columns = ascii ? end - index : textWidth(index === 0 && end === text.length ? text : text.slice(index, end));
			partRun[partCount] = run;
			partFrom[partCount] = index;
			partTo[partCount] = end;
			partWidth[partCount] = columns;
			partCount++;
			wordWidth += columns;
			index = end;
		}
	}

	placeWord();
	if (pieces.length > 0 || lines.length === 0) {
		breakLine();
	}

	return lines;
}

/** Appends items one by one: spreading a huge array into `push` overflows the stack. */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
	for (const item of items) {
		target.push(item);
	}

	return target;
}

/** Lines side by side as one line, each already styled: one join for a row of table cells or a framed code line. */
export function joinLines(parts: readonly Line[]): Line {
	let ansi = '';
	let plain = '';
	let width = 0;
	let links = noLinks;
	for (const part of parts) {
		if (part.links.length > 0) {
			if (links === noLinks) {
				links = [];
			}

			for (const {link, from, to} of part.links) {
				links.push({link, from: from + plain.length, to: to + plain.length});
			}
		}

		ansi += part.ansi;
		plain += part.plain;
		width += part.width;
	}

	return {ansi, plain, width, links};
}

/** `count` unstyled spaces as a line (padding). */
export function spaceLine(count: number): Line {
	if (count <= 0) {
		return blankLine;
	}

	const spaces = ' '.repeat(count);
	return {ansi: spaces, plain: spaces, width: count, links: noLinks};
}

/** Puts `prefix` (already styled, `width` columns) before a line. */
export function prefixLine(line: Line, prefix: Line): Line {
	const joined = joinLines([prefix, line]);
	return line.overflow ? {...joined, overflow: true} : joined;
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
