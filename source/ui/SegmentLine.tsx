import {Chalk, type ChalkInstance} from 'chalk';
import {Text} from 'ink';
import {memo} from 'react';
import type {Painter} from '../render/style.js';
import type {Segment} from './segments.js';
import {painterOf, type TextStyle, useTextStyle} from './text-style.js';

// Attributes need a level above 0: level 1 says it all, whatever the global chalk level (0 under
// NO_COLOR, which must not take the attributes with it). Colours come from the theme's painter.
const sgr = new Chalk({level: 1});

function styled(segment: Segment, look: TextStyle, painter: Painter): string {
	if (!look.attributes) {
		return segment.text;
	}

	let style: ChalkInstance = sgr;
	if (segment.bold) {
		style = style.bold;
	}

	// With colour, dim text is the theme's muted colour: how far a terminal dims is unknown.
	if (segment.dim && !look.colour) {
		style = style.dim;
	}

	if (segment.underline) {
		style = style.underline;
	}

	if (segment.inverse) {
		style = style.inverse;
	}

	const element = segment.color ?? (segment.dim ? 'muted' : undefined);
	const paint = element && look.colour ? painter(element) : undefined;
	const text = style === sgr ? segment.text : style(segment.text);
	return paint ? paint.open + text + paint.close : text;
}

/**
 * One terminal line from styled runs; the caller has already cut it to width. One Ink node per
 * line, not per run: a screen of rows with chips and highlights would otherwise be hundreds of nodes.
 */
export const SegmentLine = memo(({segments}: {segments: readonly Segment[]}) => {
	const look = useTextStyle();
	const painter = painterOf(look);
	return <Text wrap="truncate">{segments.length === 0 ? ' ' : segments.map(segment => styled(segment, look, painter)).join('')}</Text>;
});
