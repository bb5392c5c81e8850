import type {Post} from '../../content/post.js';

export type SortOrder = 'newest' | 'oldest' | 'title';

export const sortOrders: SortOrder[] = ['newest', 'oldest', 'title'];

export const sortLabels: Record<SortOrder, string> = {newest: 'newest first', oldest: 'oldest first', title: 'by title'};

export function nextSort(order: SortOrder): SortOrder {
	return sortOrders[(sortOrders.indexOf(order) + 1) % sortOrders.length]!;
}

const collator = new Intl.Collator(undefined, {sensitivity: 'base', numeric: true});

function byTitle(a: Post, b: Post): number {
	return collator.compare(a.title, b.title) || a.path.localeCompare(b.path);
}

/** A new array in `order`; undated posts always come last, whichever way dates run. */
export function sortPosts(posts: readonly Post[], order: SortOrder): Post[] {
	const sorted = [...posts];
	if (order === 'title') {
		return sorted.sort(byTitle);
	}

	const direction = order === 'newest' ? -1 : 1;
	return sorted.sort((a, b) => {
		if (a.date && b.date) {
			return direction * (a.date.time - b.date.time) || byTitle(a, b);
		}

		if (a.date || b.date) {
			return a.date ? -1 : 1;
		}

		return byTitle(a, b);
	});
}
