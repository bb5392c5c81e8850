/**
 * The 1-based line of the file that holds line `bodyLine` (0-based) of a post's body. The body has
 * lost its frontmatter and maybe a title or date line, so the body line's own text is looked for in
 * the file, the nearest copy to where the frontmatter's length puts it.
 */
export function fileLineOf(fileText: string, body: string, bodyLine: number): number {
	const lines = fileText.replace(/^\uFEFF/, '').split(/\r?\n/);
	let offset = 0;
	const opener = /^(---|\+\+\+)/.exec(lines[0] ?? '');
	if (opener) {
		const closer = opener[1] === '---' ? /^(---|\.\.\.)\s*$/ : /^\+\+\+\s*$/;
		const end = lines.findIndex((line, index) => index > 0 && closer.test(line));
		offset = end === -1 ? 0 : end + 1;
	}

	const expected = offset + bodyLine;
	const wanted = body.split('\n')[bodyLine]?.trim() ?? '';
	let best = -1;
	if (wanted !== '') {
		for (const [index, line] of lines.entries()) {
			if (line.trim() === wanted && (best === -1 || Math.abs(index - expected) < Math.abs(best - expected))) {
				best = index;
			}
		}
	}

	return Math.min(Math.max(1, (best === -1 ? expected : best) + 1), Math.max(1, lines.length));
}
