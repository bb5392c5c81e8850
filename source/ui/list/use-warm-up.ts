import {useEffect} from 'react';
import type {Library} from '../../content/post.js';
import {prepareForFilter} from './fuzzy-filter.js';
import {postsOnShow, sortedOnShow} from './list-entries.js';
import {sortOrders} from './sort-posts.js';

const chunk = 1000;

/**
 * Once a library is on screen, does in small idle steps what the first `s` and the first filter
 * keystroke would otherwise pay for at once on a big library: the other orders and fuzzy preparation.
 */
export function useWarmUp(library: Library, showDrafts: boolean, enabled: boolean): void {
	useEffect(() => {
		if (!enabled) {
			return;
		}

		const posts = postsOnShow(library, showDrafts);
		const steps: Array<() => void> = sortOrders.map(order => () => {
			sortedOnShow(library, order, showDrafts);
		});
		for (let start = 0; start < posts.length; start += chunk) {
			steps.push(() => {
				prepareForFilter(posts.slice(start, start + chunk));
			});
		}

		let timer: NodeJS.Timeout | undefined;
		const next = () => {
			steps.shift()?.();
			timer = steps.length > 0 ? setTimeout(next, 0) : undefined;
		};

		timer = setTimeout(next, 50);
		return () => {
			clearTimeout(timer);
		};
	}, [library, showDrafts, enabled]);
}
