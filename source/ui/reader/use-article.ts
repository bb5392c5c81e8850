import {useEffect, useState} from 'react';
import type {Post} from '../../content/post.js';
import type {RenderedArticle} from '../../render/article.js';
import type {LoadArticle} from '../services.js';

/** The rendered article for `post` at `width`, or undefined while it renders. */
export function useArticle(post: Post | undefined, width: number, load: LoadArticle): RenderedArticle | undefined {
	const [state, setState] = useState<{post: Post; width: number; article: RenderedArticle} | undefined>();
	useEffect(() => {
		if (!post) {
			return;
		}

		let current = true;
		void load(post, width).then(article => {
			if (current) {
				setState({post, width, article});
			}
		});
		return () => {
			current = false;
		};
	}, [post, width, load]);
	return state && state.post === post && state.width === width ? state.article : undefined;
}
