import {Chalk, type ChalkInstance} from 'chalk';
import {Text} from 'ink';
import {memo} from 'react';
import type {Segment} from './segments.js';
import {type TextStyle, useTextStyle} from './text-style.js';

// Segments name only the 16 basic colours, and attributes need a level above 0: level 1 says it all,
// whatever the global chalk level (0 under NO_COLOR, which must not take the attributes with it).
const sgr = new Chalk({level: 1});

function styled(segment: Segment, look: TextStyle): string {
	if (!look.attributes) {
		return segment.text;
	}

	let style: ChalkInstance = sgr;
	if (segment.color && look.colour) {
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

	return style === sgr ? segment.text : style(segment.text);
}

/**
 * One terminal line from styled runs; the caller has already cut it to width. One Ink node per
 * line, not per run: a screen of rows with chips and highlights would otherwise be hundreds of nodes.
 */
export const SegmentLine = memo(({segments}: {segments: readonly Segment[]}) => {
	const look = useTextStyle();
	return <Text wrap="truncate">{segments.length === 0 ? ' ' : segments.map(segment => styled(segment, look)).join('')}</Text>;
});
