import {invisibleControls, lineSeparators} from '../content/terminal-unsafe.js';
import {textWidth} from '../render/text-width.js';
import type {ScreenElement} from '../render/theme.js';

/** `color` names a screen element: the theme decides its colour. */
export type Style = {color?: ScreenElement; bold?: boolean; dim?: boolean; underline?: boolean; inverse?: boolean};

/** A run of text in one style; a line is a list of them. */
export type Segment = Style & {text: string};

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

// Controls, bidi marks and line separators: untrusted text must not steer the terminal.
const unsafe = new RegExp(`[\\u0000-\\u0008\\u000A-\\u001F${invisibleControls}${lineSeparators}]`, 'gu');

/** One character for one, so match indexes still point at the same places. */
function visible(text: string): string {
	return text.replaceAll('\t', ' ').replace(unsafe, '�');
}

/** Splits `text` into runs, styling the characters at `indexes` (UTF-16) with `hit` on top of `base`. */
export function highlight(text: string, indexes: readonly number[] | undefined, base: Style = {}, hit: Style = {bold: true, underline: true}): Segment[] {
	if (!indexes || indexes.length === 0) {
		return text === '' ? [] : [{...base, text}];
	}

	const marked = new Set(indexes);
	const segments: Segment[] = [];
	let current = '';
	let currentHit = false;
	for (const {segment, index} of graphemes.segment(text)) {
		const isHit = marked.has(index);
		if (current !== '' && isHit !== currentHit) {
			segments.push(currentHit ? {...base, ...hit, text: current} : {...base, text: current});
			current = '';
		}

		current += segment;
		currentHit = isHit;
	}

	if (current !== '') {
		segments.push(currentHit ? {...base, ...hit, text: current} : {...base, text: current});
	}

	return segments;
}

export function segmentsWidth(segments: readonly Segment[]): number {
	let width = 0;
	for (const segment of segments) {
		width += textWidth(segment.text);
	}

	return width;
}

/**
 * Cuts a styled line to at most `width` columns by display width (CJK and emoji count double),
 * ending with `…` when cut, and pads with spaces to exactly `width` when `pad` is set.
 */
export function fitSegments(input: readonly Segment[], width: number, pad = true): Segment[] {
	if (width <= 0) {
		return [];
	}

	const segments = input.map(segment => ({...segment, text: visible(segment.text)}));
	const total = segmentsWidth(segments);
	if (total <= width) {
		return pad && total < width ? [...segments, {text: ' '.repeat(width - total)}] : [...segments];
	}

	const result: Segment[] = [];
	let used = 0;
	for (const segment of segments) {
		let kept = '';
		let full = true;
		for (const {segment: grapheme} of graphemes.segment(segment.text)) {
			const size = textWidth(grapheme);
			if (used + size > width - 1) {
				full = false;
				break;
			}

			kept += grapheme;
			used += size;
		}

		if (kept !== '') {
			result.push({...segment, text: kept});
		}

		if (!full) {
			const last = result.at(-1) ?? {};
			result.push({...last, underline: false, text: '…'});
			used++;
			break;
		}
	}

	return pad && used < width ? [...result, {text: ' '.repeat(width - used)}] : result;
}

/** Plain text of a styled line, for tests and width checks. */
export function plain(segments: readonly Segment[]): string {
	return segments.map(segment => segment.text).join('');
}
