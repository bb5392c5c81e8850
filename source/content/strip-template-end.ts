/**
 * A post cut out of a `.js` file (`export default \`…\`;`) keeps the template string's end after its
 * last paragraph: a last line of `` `; `` or `` ` ``, or that at the end of the last line. Only an
 * unmatched backtick counts (an odd number in the last paragraph), outside any code fence.
 */
export function stripTemplateEnd(body: string): {body: string; dropped: string} | undefined {
	const trimmed = body.trimEnd();
	if (!trimmed.endsWith('`') && !trimmed.endsWith('`;')) {
		return undefined;
	}

	const paragraphStart = trimmed.lastIndexOf('\n\n') + 1;
	const paragraph = trimmed.slice(paragraphStart);
	const ticks = paragraph.split('`').length - 1;
	const fences = trimmed.match(/^ {0,3}(?:`{3,}|~{3,})/gm)?.length ?? 0;
	if (ticks % 2 === 0 || fences % 2 === 1 || /`{2}[;]?$/.test(trimmed)) {
		return undefined;
	}

	const dropped = trimmed.endsWith('`;') ? '`;' : '`';
	const rest = trimmed.slice(0, -dropped.length).trimEnd();
	return rest === '' ? undefined : {body: `${rest}\n`, dropped};
}
