import type {RenderedArticle, SourceBlock} from '../../render/article.js';

/**
 * A place in the text that does not depend on the width it was rendered at: a line of the post's
 * body, with a fraction for how far into the block the reader was. Resizing re-renders the article,
 * and a save re-reads it; either way the reader should still be looking at the same paragraph.
 * `offset` is set only inside a block that spans no body line (the header block above the body):
 * rendered lines into it, which also tells it apart from the body's first block on the same line.
 */
export type Place = {source: number; offset?: number};

export const topOfPost: Place = {source: 0, offset: 0};

/**
 * The block holding `value` in `key` order (the blocks are sorted in both): the last one starting at
 * or before it; with `first`, the first of several starting on the same body line (the header block
 * and the body's first block both stand for line 0).
 */
function blockAt(blocks: SourceBlock[], value: number, key: 'line' | 'source', first = false): number {
	let low = 0;
	let high = blocks.length - 1;
	while (low < high) {
		const middle = Math.ceil((low + high) / 2);
		if (blocks[middle]![key] <= value) {
			low = middle;
		} else {
			high = middle - 1;
		}
	}

	while (first && low > 0 && blocks[low - 1]![key] === blocks[low]![key]) {
		low--;
	}

	return low;
}

function blocksOf(article: RenderedArticle): SourceBlock[] {
	return article.blocks && article.blocks.length > 0 ? article.blocks : [{line: 0, source: 0}];
}

/** The place shown at line `top` of `article`. */
export function placeOf(article: RenderedArticle, top: number): Place {
	const blocks = blocksOf(article);
	const index = blockAt(blocks, top, 'line');
	const block = blocks[index]!;
	const next = blocks[index + 1];
	const lines = (next?.line ?? article.lines.length) - block.line;
	const sources = next ? next.source - block.source : 1;
	if (sources <= 0) {
		return {source: block.source, offset: top - block.line};
	}

	const into = lines > 0 ? Math.min(1, (top - block.line) / lines) : 0;
	return {source: block.source + (into * sources)};
}

/** The line of `article` that shows `place`. */
export function lineAt(article: RenderedArticle, place: Place): number {
	const blocks = blocksOf(article);
	const index = blockAt(blocks, place.source, 'source', place.offset !== undefined);
	const block = blocks[index]!;
	const next = blocks[index + 1];
	const lines = (next?.line ?? article.lines.length) - block.line;
	const sources = next ? next.source - block.source : 1;
	const into = sources > 0 ? Math.min(1, Math.max(0, (place.source - block.source) / sources)) : 0;
	// The epsilon: a fraction such as 4/3 × 3/4 comes back a hair under 1, which would be the line above.
	const line = place.offset === undefined ? block.line + Math.floor((into * lines) + 1e-9) : block.line + Math.min(place.offset, Math.max(0, lines - 1));
	return Math.max(0, Math.min(line, article.lines.length - 1));
}
