import type {KeyPress} from '../keys.js';
import type {LoadArticle, OpenRequest} from '../services.js';
import {useKeys} from '../use-keys.js';
import {useReducerWithEffects} from '../use-reducer-with-effects.js';
import {ArticleView} from './ArticleView.js';
import {initialReaderState, readerKey, type ReaderEffect, type ReaderState} from './reader-state.js';
import {useArticle} from './use-article.js';

type Props = {
	request: OpenRequest;
	loadArticle: LoadArticle;
	columns: number;
	height: number;
	readingWidth: number;
	onBack: () => void;
	onQuit: () => void;
};

type Action = {key: KeyPress; lineCount: number; rows: number};

export function ReaderScreen({request, loadArticle, columns, height, readingWidth, onBack, onQuit}: Props) {
	const textWidth = Math.max(1, Math.min(readingWidth, columns - 4));
	const rows = Math.max(1, height - 4);
	const article = useArticle(request.post, textWidth, loadArticle);
	const [state, dispatch] = useReducerWithEffects<ReaderState, Action, ReaderEffect>(
		(current, action) => readerKey(current, action.key, action.lineCount, action.rows),
		initialReaderState(request.line),
		effect => {
			if (effect.type === 'quit') {
				onQuit();
			} else {
				onBack();
			}
		},
	);
	useKeys(key => {
		dispatch({key, lineCount: article?.lines.length ?? 0, rows});
	});
	return (
		<ArticleView
			title={request.post.title}
			article={article}
			top={state.pager.top}
			columns={columns}
			height={height}
			indent={Math.floor((columns - textWidth) / 2)}
		/>
	);
}
