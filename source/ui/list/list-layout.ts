/** What the list body needs to know of a row to lay it out. */
export type LayoutRow = {group: string; hasDetail: boolean};

export type BodyLine =
	| {type: 'group'; label: string}
	| {type: 'entry'; index: number}
	| {type: 'detail'; index: number};

type Layout = {rows: readonly LayoutRow[]; selected: number; height: number};

// With very few lines the sticky group label and the description would push the row itself away.
function roomy(height: number): boolean {
	return height >= 4;
}

/** A group label goes above the first row of each group, and above the top row (a sticky label). */
function labelBefore(rows: readonly LayoutRow[], index: number, top: number, height: number): boolean {
	const group = rows[index]!.group;
	if (group === '') {
		return false;
	}

	return index === top ? roomy(height) : rows[index - 1]!.group !== group;
}

function linesOf({rows, selected, height}: Layout, index: number, top: number): number {
	const separator = labelBefore(rows, index, top, height) ? 1 : 0;
	const detail = index === selected && rows[index]!.hasDetail && roomy(height) ? 1 : 0;
	return separator + 1 + detail;
}

/** The smallest first row from which rows up to `last` all fit in the height. */
function earliestTop(layout: Layout, last: number): number {
	let top = last;
	let used = linesOf(layout, last, last);
	while (top > 0) {
		// Moving the top up one row: `top` loses its sticky label and may gain a separator instead.
		const next = used - linesOf(layout, top, top) + linesOf(layout, top, top - 1) + linesOf(layout, top - 1, top - 1);
		if (next > layout.height) {
			break;
		}

		used = next;
		top--;
	}

	return top;
}

/** Keeps the selected row (and its description) in view, and the screen full when near the end. */
export function fitTop(rows: readonly LayoutRow[], selected: number, top: number, height: number): number {
	if (rows.length === 0) {
		return 0;
	}

	const layout = {rows, selected, height: Math.max(1, height)};
	let fitted = Math.min(Math.max(0, top), selected);
	fitted = Math.min(fitted, earliestTop(layout, rows.length - 1));
	return Math.max(fitted, earliestTop(layout, selected));
}

/** The body's lines from row `top` on: group labels, rows, and the selected row's description. */
export function layoutBody(rows: readonly LayoutRow[], selected: number, top: number, height: number): BodyLine[] {
	const lines: BodyLine[] = [];
	for (let index = top; index < rows.length && lines.length < height; index++) {
		if (labelBefore(rows, index, top, height)) {
			lines.push({type: 'group', label: rows[index]!.group});
		}

		lines.push({type: 'entry', index});
		if (index === selected && rows[index]!.hasDetail && roomy(height)) {
			lines.push({type: 'detail', index});
		}
	}

	return lines.slice(0, height);
}
