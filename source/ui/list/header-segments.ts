import type {Library} from '../../content/post.js';
import type {ListEntries} from './list-entries.js';
import {fitSegments, type Segment, segmentsWidth} from '../segments.js';
import {sortLabels, type SortOrder} from './sort-posts.js';

export type HeaderFacts = {
	library: Library;
	entries: ListEntries | undefined;
	sort: SortOrder;
	query: string;
	tags: readonly string[];
	showDrafts: boolean;
};

function count(value: number, noun: string): string {
	return `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
}

/** `blog-tui · ./posts` on the left; counts, active tags, filter and order on the right. */
export function headerSegments({library, entries, sort, query, tags, showDrafts}: HeaderFacts, width: number): Segment[] {
	const left: Segment[] = [{text: ' blog-tui', bold: true}, {text: ` · ${library.label}`}];
	const right: Segment[] = [];
	const add = (segment: Segment) => {
		if (right.length > 0) {
			right.push({text: ' · ', dim: true});
		}

		right.push(segment);
	};

	if (entries) {
		const narrowed = tags.length > 0 || query.trim() !== '';
		add({text: narrowed ? `${entries.shownPosts.toLocaleString('en-US')} of ${count(entries.totalPosts, 'post')}` : count(entries.totalPosts, 'post')});
		if (showDrafts) {
			const drafts = library.posts.filter(post => post.draft).length;
			if (drafts > 0) {
				add({text: count(drafts, 'draft'), color: 'draft'});
			}
		}

		if (tags.length > 0) {
			add({text: `tag: ${tags.join(' + ')}`, bold: true});
		}

		if (query.trim() !== '') {
			add({text: `filter: ${query.trim()}`, bold: true});
		}

		const unreadable = library.problems.length;
		if (unreadable > 0) {
			add({text: `⚠ ${count(unreadable, 'problem')}`, color: 'warning'});
		}

		add({text: sortLabels[sort], dim: true});
	}

	const rightWidth = Math.min(segmentsWidth(right), Math.max(0, width - 1 - Math.min(segmentsWidth(left), 24)));
	const leftWidth = Math.max(0, width - rightWidth - 1);
	return fitSegments([...fitSegments(left, leftWidth), ...(rightWidth > 0 ? [{text: ' '}, ...fitSegments(right, rightWidth)] : [])], width);
}
