import type {Library} from '../../content/post.js';
import type {KeyPress} from '../keys.js';
import type {OpenRequest} from '../services.js';
import {useKeys} from '../use-keys.js';
import {useReducerWithEffects} from '../use-reducer-with-effects.js';
import {clampCursor} from './list-cursor.js';
import {initialListState, listKey, type ListEffect, type ListState} from './list-state.js';
import {ListView} from './ListView.js';

type Props = {
	library: Library;
	/** Hidden screens keep their state but draw nothing and ignore keys. */
	active: boolean;
	columns: number;
	height: number;
	onOpen: (request: OpenRequest) => void;
	onQuit: () => void;
};

type Action = {key: KeyPress; postCount: number; rows: number};

export function ListScreen({library, active, columns, height, onOpen, onQuit}: Props) {
	const rows = Math.max(1, height - 2);
	const posts = library.posts;
	const [state, dispatch] = useReducerWithEffects<ListState, Action, ListEffect>(
		(current, action) => listKey(current, action.key, action.postCount, action.rows),
		initialListState,
		effect => {
			if (effect.type === 'quit') {
				onQuit();
			} else if (posts[effect.index]) {
				onOpen({post: posts[effect.index]!});
			}
		},
	);
	useKeys(key => {
		dispatch({key, postCount: posts.length, rows});
	}, active);
	if (!active) {
		return null;
	}

	return <ListView label={library.label} posts={posts} cursor={clampCursor(state.cursor, posts.length, rows)} columns={columns} height={height}/>;
}
