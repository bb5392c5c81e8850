import {Box, Text} from 'ink';
import {memo} from 'react';
import {type Segment} from '../segments.js';
import {SegmentLine} from '../SegmentLine.js';

type Props = {
	/** The title bar, with a rule under it; absent while the article's own header block is in view. */
	header?: Segment[] | undefined;
	/** The article lines in view, or what stands in their place (heading menu, help). */
	body: {kind: 'article'; lines: string[]; indent: number} | {kind: 'panel'; lines: Segment[][]; indent: number};
	/** The outline pane on the left, when open; `width` counts the divider drawn after its lines. */
	pane?: {lines: Segment[][]; width: number} | undefined;
	status: Segment[];
	/** Lines that continue the status bar (a long address, wrapped). */
	more?: Segment[][] | undefined;
	/** A line under the status bar (the post's file was deleted). */
	notice?: Segment[] | undefined;
	columns: number;
	/** Lines between the two rules. */
	rows: number;
};

const ArticleLine = memo(({text}: {text: string}) => <Text wrap="truncate">{text === '' ? ' ' : text}</Text>);

/** Draws prepared lines only: every line is already cut to its width, so nothing wraps. */
export function ArticleView({header, body, pane, status, more, notice, columns, rows}: Props) {
	const pad = ' '.repeat(Math.max(0, body.indent));
	const rule = <Text dimColor wrap="truncate">{'─'.repeat(Math.max(0, columns))}</Text>;
	const content = (
		<Box flexDirection="column" height={rows} flexGrow={1}>
			{body.kind === 'article'
				// Keyed by place on the screen: a scroll step re-renders every row's text but keeps the nodes.
				? body.lines.map((line, index) => <ArticleLine key={index} text={pad + line}/>)
				: body.lines.map((line, index) => (
					<Box key={index} paddingLeft={body.indent}>
						<SegmentLine segments={line}/>
					</Box>
				))}
		</Box>
	);
	return (
		<Box flexDirection="column">
			{header ? <SegmentLine segments={header}/> : null}
			{header ? rule : null}
			{pane
				? (
					<Box flexDirection="row" height={rows}>
						<Box flexDirection="column" width={pane.width - 1} height={rows}>
							{pane.lines.map((line, index) => <SegmentLine key={index} segments={line}/>)}
						</Box>
						<Text dimColor>{Array.from({length: rows}, () => '│').join('\n')}</Text>
						{content}
					</Box>
				)
				: content}
			{rule}
			<SegmentLine segments={status}/>
			{more?.map((line, index) => <SegmentLine key={index} segments={line}/>)}
			{notice ? <SegmentLine segments={notice}/> : null}
		</Box>
	);
}
