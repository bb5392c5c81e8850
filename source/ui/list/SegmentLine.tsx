import {Text} from 'ink';
import type {Segment} from './segments.js';

/** One terminal line from styled runs; the caller has already cut it to width. */
export function SegmentLine({segments}: {segments: readonly Segment[]}) {
	return (
		<Text wrap="truncate">
			{segments.length === 0 ? ' ' : segments.map((segment, index) => (
				<Text key={index} color={segment.color} bold={segment.bold} dimColor={segment.dim} underline={segment.underline} inverse={segment.inverse}>
					{segment.text}
				</Text>
			))}
		</Text>
	);
}
