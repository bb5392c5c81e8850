import {textWidth} from '../../render/text-width.js';
import {fitSegments, type Segment, segmentsWidth} from '../segments.js';

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** The end of `text` in at most `width` columns, `…` first when the start is left out: the end is where one types. */
export function tailOf(text: string, width: number): string {
	if (textWidth(text) <= width) {
		return text;
	}

	const kept: string[] = [];
	let used = 1;
	for (const {segment} of [...graphemes.segment(text)].reverse()) {
		const size = textWidth(segment);
		if (used + size > width) {
			break;
		}

		kept.unshift(segment);
		used += size;
	}

	return width > 0 ? `…${kept.join('')}` : '';
}

/**
 * A line where text is typed: the label, the text, the cursor, then `count` (what the text finds)
 * and `hints`. However long the text, the cursor and the count stay in view: the hints go first,
 * then the text scrolls, showing its end.
 */
export function inputSegments(label: string, query: string, width: number, count: string, hints = ''): Segment[] {
	const head: Segment = {text: ` ${label} `, bold: true};
	const cursor: Segment = {text: ' ', inverse: true};
	const countSegment: Segment[] = count === '' ? [] : [{text: `  ${count}`, dim: true}];
	const full = [head, {text: query}, cursor, ...countSegment, ...(hints === '' ? [] : [{text: `${count === '' ? '  ' : ' · '}${hints}`, dim: true}])];
	if (segmentsWidth(full) <= width) {
		return fitSegments(full, width);
	}

	const room = width - segmentsWidth([head, cursor, ...countSegment]);
	return fitSegments([head, {text: tailOf(query, Math.max(0, room))}, cursor, ...countSegment], width);
}
