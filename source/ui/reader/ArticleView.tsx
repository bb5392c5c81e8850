import {Box, Text} from 'ink';
import type {RenderedArticle} from '../../render/article.js';
import {fitTo, truncate} from '../format.js';

type Props = {
	title: string;
	article: RenderedArticle | undefined;
	top: number;
	columns: number;
	height: number;
	/** Columns of blank space before each article line, to centre the reading column. */
	indent: number;
};

function currentSection(article: RenderedArticle, top: number): string {
	let section = '';
	for (const heading of article.headings) {
		if (heading.line > top) {
			break;
		}

		section = heading.text;
	}

	return section;
}

export function ArticleView({title, article, top, columns, height, indent}: Props) {
	const viewportHeight = Math.max(1, height - 4);
	const lines = article?.lines.slice(top, top + viewportHeight) ?? [];
	const total = article?.lines.length ?? 0;
	const percent = total <= viewportHeight ? 100 : Math.round((Math.min(top + viewportHeight, total) / total) * 100);
	const section = article ? currentSection(article, top) : '';
	const hints = 'j/k scroll · esc back · q quit';
	const position = `${percent}%`;
	const left = section ? `§ ${section}` : '';
	const status = `${fitTo(left, Math.max(0, columns - hints.length - position.length - 4))}  ${position}  ${hints}`;
	const pad = ' '.repeat(indent);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">{fitTo(` ${title}`, columns)}</Text>
			<Text dimColor>{'─'.repeat(columns)}</Text>
			<Box flexDirection="column" height={viewportHeight}>
				{article
					? lines.map((line, index) => (
						<Text key={top + index} wrap="truncate">{pad}{line}</Text>
					))
					: <Text dimColor>{pad}Rendering…</Text>}
			</Box>
			<Text dimColor>{'─'.repeat(columns)}</Text>
			<Text dimColor wrap="truncate">{truncate(status, columns)}</Text>
		</Box>
	);
}
