import {Box, Text} from 'ink';
import type {Line} from './body-lines.js';
import type {Segment} from '../segments.js';
import {SegmentLine} from '../SegmentLine.js';

type Props = {
	header: Segment[];
	body: Line[];
	footer: Segment[];
	columns: number;
	/** The frame's height: header, rule, body, footer. */
	height: number;
};

/** Draws prepared lines; everything is already cut to `columns`, so nothing wraps. */
export function ListView({header, body, footer, columns, height}: Props) {
	const bodyHeight = Math.max(0, height - 3);
	return (
		<Box flexDirection="column" height={height}>
			<SegmentLine segments={header}/>
			<Text dimColor wrap="truncate">{'─'.repeat(Math.max(0, columns))}</Text>
			<Box flexDirection="column" height={bodyHeight}>
				{body.slice(0, bodyHeight).map((line, index) => (
					// Lines are positions on the screen, so their place is their identity.
					<SegmentLine key={index} segments={line}/>
				))}
			</Box>
			<SegmentLine segments={footer}/>
		</Box>
	);
}
