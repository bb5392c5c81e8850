import type {BodyScan} from './outline.js';

/**
 * MDX files open with `import`/`export` statements (Astro, Next.js). MDX reads a block that starts
 * with one of those words as JavaScript up to the next blank line; a reader should see none of it,
 * and it must not become the post's description. The blocks are the top-level paragraphs the body
 * scan found opening with those words, so code fences and HTML are left alone as the outline reads them.
 */
export function stripMdxEsm(body: string, scanned: BodyScan): string | undefined {
	if (scanned.esm.length === 0) {
		return undefined;
	}

	const lines = body.split('\n');
	const drop = new Set<number>();
	for (const block of scanned.esm) {
		for (let line = block.line; line < block.line + block.lines; line++) {
			drop.add(line);
		}

		// The blank line after a block goes with it, so no gap is left behind.
		if (lines[block.line + block.lines]?.trim() === '') {
			drop.add(block.line + block.lines);
		}
	}

	return lines.filter((_, index) => !drop.has(index)).join('\n').replace(/^\n+/, '');
}
