import type {Painter} from '../../render/style.js';

/** A stretch of a line to paint: `plain.slice(from, to)`, in `style` (an SGR sequence). */
export type Highlight = {from: number; to: number; style: string};

/** How search matches and the focused link are painted: in colour, or by attributes alone. */
export type HighlightStyles = {match: string; currentMatch: string; link: string};

// Explicit colours (the theme's) rather than inverse: inverse of a coloured link is unreadable in some terminals.
export function colourHighlights(painter: Painter): HighlightStyles {
	return {match: painter('search-match').open, currentMatch: painter('search-current').open, link: painter('link-focus').open};
}
// Without colour (NO_COLOR): inverse marks every match, bold the current one, underline the link.
export const attributeHighlights: HighlightStyles = {match: '\u001B[7m', currentMatch: '\u001B[1;4;7m', link: '\u001B[4;7m'};

// CSI (SGR among them), OSC (OSC 8 links) ended by BEL or ST, or a two-character escape.
const escape = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-_])/y;
const sgr = /^\u001B\[[\d;]*m$/;
const reset = /^\u001B\[0*m$/;

/**
 * Paints highlights (search matches, the selected link) into a finished line. Positions count the
 * line's characters without escape sequences, as in `RenderedArticle.plain`. The line's own styles
 * are kept: after a highlight the styles in force are replayed, and a style change inside one does
 * not end it.
 */
export function highlightLine(line: string, highlights: Highlight[]): string {
	if (highlights.length === 0) {
		return line;
	}

	const sorted = [...highlights].sort((a, b) => a.from - b.from);
	let out = '';
	// Every SGR since the last reset: replaying it restores the line's own look.
	let inForce = '';
	let position = 0;
	let index = 0;
	let open: Highlight | undefined;
	const step = () => {
		if (open && position >= open.to) {
			out += `\u001B[0m${inForce}`;
			open = undefined;
		}

		while (!open && sorted[0] && sorted[0].to <= position) {
			sorted.shift();
		}

		if (!open && sorted[0] && sorted[0].from <= position) {
			open = sorted.shift();
			out += open!.style;
		}
	};

	step();
	while (index < line.length) {
		escape.lastIndex = index;
		const found = escape.exec(line);
		if (found) {
			const sequence = found[0];
			out += sequence;
			if (sgr.test(sequence)) {
				inForce = reset.test(sequence) ? '' : inForce + sequence;
				if (open) {
					out += open.style;
				}
			}

			index += sequence.length;
			continue;
		}

		out += line[index];
		index++;
		position++;
		step();
	}

	return open ? `${out}\u001B[0m${inForce}` : out;
}
