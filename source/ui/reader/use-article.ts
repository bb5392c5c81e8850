import {useEffect, useState} from 'react';
import type {Post} from '../../content/post.js';
import type {RenderedArticle} from '../../render/article.js';
import type {LoadArticle} from '../services.js';

type Rendered = {post: Post; width: number; article: RenderedArticle};

/**
 * The rendered article for `post` at `width`. While a new width renders, the article at the old
 * width stays (a resize should not blank the screen); while another post renders, undefined.
 */
export function useArticle(post: Post, width: number, load: LoadArticle): RenderedArticle | undefined {
	const [rendered, setRendered] = useState<Rendered | undefined>();
	useEffect(() => {
		let current = true;
		void load(post, width).then(article => {
			if (current) {
				setRendered({post, width, article});
			}
		});
		return () => {
			current = false;
		};
	}, [post, width, load]);
	// An edited post is a new object at the same path: its old version is fine to show meanwhile.
	return rendered && rendered.post.id === post.id ? rendered.article : undefined;
}
