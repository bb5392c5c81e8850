import {isPrintableAscii, textWidth} from '../render/text-width.js';

/** Cuts `text` to at most `width` columns, ending with `…` when cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	if (isPrintableAscii(text)) {
		return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
	}

	if (textWidth(text) <= width) {
		return text;
	}

	let result = '';
	let used = 0;
	for (const character of text) {
		const size = textWidth(character);
		if (used + size > width - 1) {
			break;
		}

		result += character;
		used += size;
	}

	return `${result}…`;
}

/** Pads or cuts `text` to exactly `width` columns. */
export function fitTo(text: string, width: number): string {
	const cut = truncate(text, width);
	return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}
