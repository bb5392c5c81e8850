import type {Library, Post} from '../../../source/content/post.js';
import {extractHeadings} from '../../../source/content/outline.js';
import type {RenderedText} from '../../../source/render/article.js';
import {renderArticle} from '../../../source/render/render-article.js';
import '../../render/grammars.js';

const filler = (topic: string, count: number) => Array.from({length: count}, (_, index) => `Paragraph ${index + 1} about ${topic}, long enough to wrap at narrow widths and give the pager something to scroll through.`).join('\n\n');

export const guideBody = [
	'An opening paragraph with [the setup section](#setup), [a note on moss](notes/moss.md), [an odd anchor](#Not-There) and [a site](https://example.com/page).',
	'',
	'# Overview',
	'',
	filler('the overview', 6),
	'',
	'## Setup',
	'',
	filler('setting things up', 6),
	'',
	'### Fine tuning',
	'',
	filler('fine tuning', 4),
	'',
	'## Wrapping up',
	'',
	'The terminal is where the search term lives. Terminal again, and once more: TERMINAL.',
	'',
	'Back to [the overview](#overview).',
].join('\n');

export function makePost(slug: string, title: string, body: string, path = `${slug}.md`): Post {
	return {
		slug,
		title,
		date: {iso: '2025-05-01', time: Date.parse('2025-05-01')},
		updated: undefined,
		tags: ['guide'],
		description: '',
		readingMinutes: 2,
		draft: false,
		author: undefined,
		cover: undefined,
		path,
		id: `/blog/${path}`,
		absolutePath: `/blog/${path}`,
		body,
		headings: extractHeadings(body),
		warnings: [],
		sources: {},
	};
}

export const guide = makePost('guide', 'A field guide', guideBody);
export const moss = makePost('moss', 'Notes on moss', '## Moss\n\nMoss grows on the north side, mostly.\n\n## Lichen\n\nLichen is not moss.\n', 'notes/moss.md');
export const library: Library = {root: '/blog', label: './blog', posts: [guide, moss], problems: []};

export function rendered(post: Post, width = 60): RenderedText {
	return renderArticle(post, {width, theme: 'dark', colorLevel: 0, hyperlinks: false});
}
