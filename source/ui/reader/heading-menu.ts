import type {RenderedHeading} from '../../render/article.js';

/** The heading jump menu: what has been typed, and the highlighted entry among those that match. */
export type HeadingMenu = {query: string; cursor: number};

/** Indices of the headings whose text holds every word typed, in any case, in reading order. */
export function menuEntries(headings: RenderedHeading[], query: string): number[] {
	const words = query.toLowerCase().split(/\s+/).filter(word => word !== '');
	const entries: number[] = [];
	for (const [index, heading] of headings.entries()) {
		const text = heading.text.toLowerCase();
		if (words.every(word => text.includes(word))) {
			entries.push(index);
		}
	}

	return entries;
}

/** The heading whose section holds line `top`: the last one at or above it; -1 above the first. */
export function sectionAt(headings: RenderedHeading[], top: number): number {
	let low = 0;
	let high = headings.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (headings[middle]!.line <= top) {
			found = middle;
			low = middle + 1;
		} else {
			high = middle - 1;
		}
	}

	return found;
}

/** The menu as opened at line `top`: nothing typed, the section being read highlighted. */
export function openMenu(headings: RenderedHeading[], top: number): HeadingMenu {
	return {query: '', cursor: Math.max(0, sectionAt(headings, top))};
}
