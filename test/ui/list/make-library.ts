import type {Library, Post, Problem} from '../../../source/content/post.js';

export type PostSeed = Partial<Omit<Post, 'date'>> & {title: string; date?: string};

/** A post with only what a test cares about; the rest plausible defaults. */
export function makePost(seed: PostSeed): Post {
	const slug = seed.slug ?? seed.title.toLowerCase().replaceAll(/[^a-z\d]+/g, '-');
	const {date, ...rest} = seed;
	return {
		slug,
		updated: undefined,
		tags: [],
		description: '',
		readingMinutes: 3,
		draft: false,
		author: undefined,
		cover: undefined,
		path: `${slug}.md`,
		absolutePath: `/blog/${slug}.md`,
		body: '',
		headings: [],
		warnings: [],
		sources: {},
		...rest,
		id: rest.id ?? rest.absolutePath ?? `/blog/${slug}.md`,
		date: date === undefined ? undefined : {iso: date, time: Date.parse(`${date}T00:00:00Z`)},
	};
}

export function makeLibrary(seeds: PostSeed[], problems: Problem[] = []): Library {
	return {root: '/blog', label: './blog', posts: seeds.map(seed => makePost(seed)), problems};
}

/** Four posts across two years plus an undated one; tags overlap so AND filters mean something. */
export function sampleLibrary(): Library {
	return makeLibrary([
		{title: 'Reading blog-tui over SSH', date: '2026-03-14', tags: ['ssh', 'guide'], description: 'How to serve your posts and what readers see.', readingMinutes: 4},
		{title: 'Every key in blog-tui', date: '2026-02-01', tags: ['guide'], description: 'All the keys, screen by screen.'},
		{title: 'Markdown showcase', date: '2025-11-20', tags: ['markdown', 'demo'], description: 'Every element the renderer supports.', readingMinutes: 9},
		{title: 'Building a tiny pager with Ink', date: '2025-05-13', tags: ['ink', 'guide'], description: 'Slicing lines so long articles scroll.', readingMinutes: 12},
		{title: 'Notes without a date', tags: [], description: ''},
	]);
}
