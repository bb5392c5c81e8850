import chalk, {type ChalkInstance} from 'chalk';
import {Text} from 'ink';
import {memo} from 'react';
import type {Segment} from './segments.js';

function styled(segment: Segment): string {
	let style: ChalkInstance = chalk;
	if (segment.color) {
		style = (style as unknown as Record<string, ChalkInstance>)[segment.color] ?? style;
	}

	if (segment.bold) {
		style = style.bold;
	}

	if (segment.dim) {
		style = style.dim;
	}

	if (segment.underline) {
		style = style.underline;
	}

	if (segment.inverse) {
		style = style.inverse;
	}

	return style === chalk ? segment.text : style(segment.text);
}

/**
 * One terminal line from styled runs; the caller has already cut it to width. One Ink node per
 * line, not per run: a screen of rows with chips and highlights would otherwise be hundreds of nodes.
 */
export const SegmentLine = memo(({segments}: {segments: readonly Segment[]}) => (
	<Text wrap="truncate">{segments.length === 0 ? ' ' : segments.map(segment => styled(segment)).join('')}</Text>
));
