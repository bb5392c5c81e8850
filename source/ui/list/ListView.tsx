import {Box, Text} from 'ink';
import type {Post} from '../../content/post.js';
import {fitTo, truncate} from '../format.js';
import type {ListCursor} from './list-cursor.js';

type Props = {
	label: string;
	posts: Post[];
	cursor: ListCursor;
	columns: number;
	/** Rows available for the list itself. */
	height: number;
};

function PostRow({post, selected, columns}: {post: Post; selected: boolean; columns: number}) {
	const date = post.date?.iso.slice(0, 10) ?? 'undated   ';
	const minutes = `${post.readingMinutes} min`;
	const tags = post.tags.join(' ');
	const fixed = 2 + 10 + 2 + 2 + 7;
	const rest = Math.max(0, columns - fixed);
	const tagWidth = Math.min(Math.max(0, Math.floor(rest * 0.35)), tags.length);
	const titleWidth = Math.max(0, rest - tagWidth - (tagWidth > 0 ? 2 : 0));
	const line = `${selected ? '▸ ' : '  '}${date}  ${fitTo(post.title, titleWidth)}${tagWidth > 0 ? `  ${fitTo(tags, tagWidth)}` : ''}  ${minutes.padStart(7)}`;
	return (
		<Text inverse={selected} wrap="truncate">
			{truncate(line, columns)}
		</Text>
	);
}

export function ListView({label, posts, cursor, columns, height}: Props) {
	const visible = posts.slice(cursor.top, cursor.top + Math.max(0, height - 2));
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate">
				{fitTo(` blog-tui · ${label}`, Math.max(0, columns - 12))}
				<Text dimColor>{`${posts.length} posts`.padStart(Math.min(12, columns))}</Text>
			</Text>
			<Text dimColor>{'─'.repeat(columns)}</Text>
			{posts.length === 0 ? <Text>{truncate(`No posts in ${label}. Add a Markdown file (.md) there to start.`, columns)}</Text> : null}
			{visible.map((post, index) => (
				<PostRow key={post.absolutePath} post={post} selected={cursor.top + index === cursor.selected} columns={columns}/>
			))}
		</Box>
	);
}
