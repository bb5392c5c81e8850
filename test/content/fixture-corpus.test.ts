import assert from 'node:assert/strict';
import {before, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {loadLibrary} from '../../source/content/load-library.js';
import type {Library, Post} from '../../source/content/post.js';

const corpus = fileURLToPath(new URL('../fixtures/posts', import.meta.url));
let library: Library;

function post(path: string): Post {
	const found = library.posts.find(candidate => candidate.path === path);
	assert.ok(found, `${path} is listed`);
	return found;
}

function problemsOf(path: string): string[] {
	return library.problems.filter(problem => problem.path === path).map(problem => problem.problem);
}

function outline(path: string): string[] {
	return post(path).headings.map(heading => `${heading.depth}${heading.inferred ? ' inferred' : ''} ${heading.text} #${heading.id}`);
}

before(async () => {
	library = await loadLibrary(corpus);
});

describe('the fixture corpus', () => {
	test('lists every readable post and nothing from skipped places', () => {
		assert.equal(library.posts.length, 88);
		assert.ok(library.posts.every(candidate => !candidate.path.startsWith('.') && /\.mdx?$/.test(candidate.path)));
		assert.equal(library.root, corpus);
	});

	test('YAML frontmatter: every field, tags de-duplicated ignoring case, title H1 not shown twice', () => {
		const basic = post('yaml-basic.md');
		assert.equal(basic.title, 'Microservices: a field guide');
		assert.deepEqual(basic.date, {iso: '2024-01-05', time: Date.UTC(2024, 0, 5)});
		assert.equal(basic.updated?.iso, '2024-02-01');
		assert.deepEqual(basic.tags, ['Microservices', 'Go', 'kubernetes']);
		assert.equal(basic.description, 'What forty services taught us about boundaries.');
		assert.equal(basic.author, 'Jane Doe');
		assert.equal(basic.cover, '/images/field-guide.png');
		assert.equal(basic.slug, 'yaml-basic');
		assert.equal(basic.draft, false);
		assert.ok(basic.body.startsWith('Teams ship on their own schedule.'), 'the repeated H1 is removed');
		assert.deepEqual(outline('yaml-basic.md'), ['2 Why split #why-split', '2 Conclusion #conclusion']);
		assert.deepEqual(basic.sources, {
			date: 'date', title: 'title', readingMinutes: 'words', updated: 'updated', tags: 'tags',
			description: 'description', slug: 'file name', cover: 'heroImage', author: 'author',
		});
	});

	test('every date key and format, as YYYY-MM-DD or full ISO', () => {
		const expected: Array<[string, string, string]> = [
			['dates/date-key.md', '2024-01-05', 'date'],
			['dates/published-at.md', '2023-06-04T10:30:00Z', 'publishedAt'],
			['dates/published.md', '2023-06-04', 'published'],
			['dates/pub-date.md', '2023-06-04', 'pubDate'],
			['dates/publish-date.md', '2023-06-04', 'publishDate'],
			['dates/created.md', '2013-07-13T20:46:25Z', 'created'],
			['dates/posted.md', '2024-02-10', 'posted'],
			['dates/offset.md', '2024-01-05T23:30:00-08:00', 'date'],
			['dates/2019-03-07-jekyll-file-name.md', '2019-03-07', 'file name'],
			['formats/hexo-json.md', '2013-07-13T20:46:25Z', 'date'],
			['formats/toml-dashed.md', '2022-12-01T08:00:00Z', 'date'],
		];
		for (const [path, iso, source] of expected) {
			assert.equal(post(path).date?.iso, iso, path);
			assert.equal(post(path).sources['date'], source, path);
		}

		assert.equal(post('dates/offset.md').date?.time, Date.UTC(2024, 0, 6, 7, 30));
		assert.equal(post('dates/offset.md').updated?.iso, '2024-03-09');
		assert.equal(post('dates/offset.md').sources['updated'], 'lastmod');
	});

	test('an unreadable date is undefined, and undated posts sort last', () => {
		assert.equal(post('dates/not-a-date.md').date, undefined);
		const garbled = post('dates/2021-05-06-garbled-date.md');
		assert.deepEqual([garbled.date?.iso, garbled.sources['date'], garbled.updated, garbled.tags], ['2021-05-06', 'file name', undefined, []]);
		const firstUndated = library.posts.findIndex(candidate => candidate.date === undefined);
		assert.ok(firstUndated > 0);
		assert.ok(library.posts.slice(firstUndated).every(candidate => candidate.date === undefined));
		const times = library.posts.slice(0, firstUndated).map(candidate => candidate.date!.time);
		assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
	});

	test('Jekyll file names give the date and the slug', () => {
		const jekyll = post('dates/2019-03-07-jekyll-file-name.md');
		assert.equal(jekyll.slug, 'jekyll-file-name');
		assert.equal(jekyll.title, 'Jekyll file name');
	});

	test('TOML (+++ and ---toml) and JSON (---json, ;;;, Hexo, Hugo) frontmatter', () => {
		const plus = post('formats/toml-plus.md');
		assert.deepEqual([plus.title, plus.date?.iso, plus.tags, plus.draft], ['Hugo with TOML', '2022-11-30', ['hugo', 'toml'], false]);
		assert.deepEqual([post('formats/toml-dashed.md').title, post('formats/toml-dashed.md').tags], ['Dashed TOML', ['config']]);
		assert.deepEqual([post('formats/json-dashed.md').title, post('formats/json-dashed.md').date?.iso, post('formats/json-dashed.md').tags], ['Dashed JSON', '2021-05-06', ['json']]);
		assert.deepEqual([post('formats/hexo-json.md').title, post('formats/hexo-json.md').tags], ['Hexo JSON', ['hexo']]);
		assert.equal(post('formats/hexo-json.md').body, 'Hexo\'s JSON frontmatter has no opening fence.\n');
		assert.deepEqual([post('formats/hugo-json.md').title, post('formats/hugo-json.md').date?.iso, post('formats/hugo-json.md').tags], ['Hugo JSON', '2020-02-29', ['leap']]);
		assert.equal(post('formats/hugo-json.md').sources['tags'], 'keywords');
		assert.deepEqual([post('formats/semicolons.md').title, post('formats/semicolons.md').date?.iso], ['Fenced Hexo JSON', '2014-03-03']);
	});

	test('drafts: draft: true, published: false, _drafts/ — loaded and flagged', () => {
		assert.equal(post('draft-flag.md').draft, true);
		assert.equal(post('unpublished.md').draft, true);
		assert.equal(post('_drafts/unfinished.md').draft, true);
		assert.equal(post('_drafts/unfinished.md').sources['draft'], '_drafts folder');
		assert.deepEqual(library.posts.filter(candidate => candidate.draft).map(candidate => candidate.path).sort(), ['_drafts/unfinished.md', 'draft-flag.md', 'unpublished.md']);
	});

	test('tags as comma- or space-separated strings', () => {
		assert.deepEqual(post('tags-comma.md').tags, ['rust', 'web dev', 'cli']);
		assert.deepEqual(post('tags-spaces.md').tags, ['jekyll', 'update']);
		assert.equal(post('tags-spaces.md').sources['tags'], 'categories');
	});

	test('reading time: a readingTime field, an N min read line, else words ÷ 230', () => {
		assert.equal(post('read-time-field.md').readingMinutes, 8);
		assert.equal(post('read-time-field.md').description, 'A summary field.');
		assert.equal(post('scraped/posted-on.md').readingMinutes, 8);
		assert.equal(post('scraped/medium-paste.md').readingMinutes, 5);
		assert.equal(post('file-name-fallback.md').readingMinutes, 1);
	});

	test('every other key of updated, tags, description, reading time and cover is read, and recorded', () => {
		const fields = (path: string) => {
			const {updated, tags, description, readingMinutes, cover, sources} = post(path);
			return {updated: updated?.iso, tags, description, readingMinutes, cover, sources};
		};

		assert.deepEqual(fields('fields/aliases-one.md'), {
			updated: '2024-06-02', tags: ['solo'], description: 'An excerpt field.', readingMinutes: 6, cover: '/img/one.png',
			sources: {title: 'title', readingMinutes: 'readTime', updated: 'updatedDate', tags: 'tag', description: 'excerpt', slug: 'file name', cover: 'image'},
		});
		assert.deepEqual(fields('fields/aliases-two.md'), {
			updated: '2024-06-03', tags: ['news'], description: 'A subtitle field.', readingMinutes: 1, cover: '/img/two.png',
			sources: {title: 'title', readingMinutes: 'words', updated: 'modified', tags: 'category', description: 'subtitle', slug: 'file name', cover: 'cover'},
		});
		assert.equal(post('fields/aliases-three.md').cover, '/img/three.png');
		assert.equal(post('fields/aliases-three.md').sources['cover'], 'coverImage');
	});

	test('when several keys of a field are given, the first in the documented order wins, wherever it sits in the file', () => {
		const first = post('fields/first-match.md');
		assert.deepEqual(
			[first.date?.iso, first.updated?.iso, first.tags, first.description, first.readingMinutes, first.cover],
			['2021-02-03', '2021-04-01', ['earlier'], 'The description wins.', 3, '/img/wins.png'],
		);
		assert.deepEqual(
			[first.sources['date'], first.sources['updated'], first.sources['tags'], first.sources['description'], first.sources['readingMinutes'], first.sources['cover']],
			['date', 'updated', 'tags', 'description', 'readTime', 'heroImage'],
		);
	});

	test('titles: the H1, a first short line, the file name, a bundle\'s folder', () => {
		assert.equal(post('h1-title.md').title, 'Building a tiny pager');
		assert.equal(post('h1-title.md').sources['title'], 'h1');
		assert.ok(post('h1-title.md').body.startsWith('Intro paragraph'));
		assert.equal(post('file-name-fallback.md').title, 'File name fallback');
		assert.equal(post('bundle-post/index.md').title, 'Bundle post');
		assert.equal(post('bundle-post/index.md').slug, 'bundle-post');
		assert.equal(post('folder.md/inside.md').title, 'Inside a folder named like a file');
	});

	test('outline ids are made the way GitHub makes them, so #anchors resolve', () => {
		assert.deepEqual(outline('h1-title.md'), ['2 Setup #setup', '2 Setup #setup-1', '2 Slicing lines #slicing-lines', '2 Conclusion #conclusion']);
		assert.ok(post('h1-title.md').body.includes('(#conclusion)'));
		const lines = post('h1-title.md').body.split('\n');
		assert.deepEqual(post('h1-title.md').headings.map(heading => lines[heading.line]), ['## Setup', '## Setup', 'Slicing lines', '## Conclusion ##']);
	});

	test('slugs are unique across the library, in path order', () => {
		assert.equal(post('dup/one/same-name.md').slug, 'same-name');
		assert.equal(post('dup/two/same-name.md').slug, 'same-name-2');
		const slugs = library.posts.map(candidate => candidate.slug);
		assert.equal(new Set(slugs).size, slugs.length);
	});

	test('a post with no frontmatter: title line, N min read · date line, bold pseudo-headings', () => {
		const pasted = post('scraped/medium-paste.md');
		assert.equal(pasted.title, 'Why Our Builds Got Faster');
		assert.equal(pasted.date?.iso, '2023-06-04');
		assert.equal(pasted.sources['date'], 'date line');
		assert.equal(pasted.description, 'We cut CI time in half by caching the right things and nothing else.');
		assert.ok(pasted.body.startsWith('Jane Doe\n\nWe cut CI time'), 'the title, read time and date lines are removed');
		assert.deepEqual(outline('scraped/medium-paste.md'), ['2 inferred Data Management #data-management', '2 inferred Caching #caching'], 'Key takeaways: is prose in a Markdown post');
		const lines = pasted.body.split('\n');
		assert.deepEqual(pasted.headings.map(heading => [lines[heading.line], heading.source]), [
			['**Data Management:**', '**Data Management:**'],
			['**Caching**', '**Caching**'],
		]);
	});

	test('headings we infer: a bold line with a hard break, plain-text labels with items, never a sentence ending in a colon', () => {
		assert.deepEqual(outline('scraped/bold-hard-break.md'), ['2 inferred Designing Microservices #designing-microservices', '2 inferred Running Them #running-them']);
		assert.equal(post('scraped/bold-hard-break.md').body, 'Splitting a monolith is mostly about data.\n\n**Designing Microservices:**\n\nStart from the data each team owns, not from the code layout.\n\n**Running Them:**\n\nWatch the queues before you watch the CPUs.\n\n**This is the one rule we never broke.**\n\nEverything else changed twice.\n');
		const plain = post('scraped/plain-labels.md');
		assert.equal(plain.title, 'Moving our builds to one pipeline');
		assert.deepEqual(outline('scraped/plain-labels.md'), ['2 inferred What we changed #what-we-changed', '2 inferred What we would keep #what-we-would-keep']);
		assert.ok(plain.body.includes('What we changed:\n\n- Cache by lockfile hash\n- Split the test job in four\n- Keep artefacts under 50 MB\n\nNote: the rollback'));
		assert.deepEqual(outline('prose-colons.md'), []);
	});

	test('Posted on … and 2/10/2024 date lines', () => {
		const posted = post('scraped/posted-on.md');
		assert.deepEqual([posted.title, posted.date?.iso], ['Notes from the conference', '2024-01-05']);
		assert.equal(posted.body, 'The talks were short and the hallway track was long.\n');
		assert.equal(post('scraped/date-line.md').date?.iso, '2024-02-10');
		assert.equal(post('scraped/date-line.md').body, 'A post pasted with only a date above it.\n');
	});

	test('pages saved as text: the chrome at the top is not the title or the body, the chrome at the end is cut with a warning', () => {
		const fields = (path: string) => {
			const {title, date, author, tags, readingMinutes, description, sources} = post(path);
			return {title, date: date?.iso, author, tags, readingMinutes, description, title_: sources['title']};
		};

		assert.deepEqual(fields('scraped/dev-community.md'), {
			title: 'Designing Microservices That Last', date: '2024-03-12', author: 'Priya Raman', tags: ['microservices', 'architecture', 'beginners'],
			readingMinutes: 1, description: 'Most teams split their monolith too early. This post is about waiting for the right seams.', title_: 'cover image line',
		});
		assert.equal(post('scraped/dev-community.md').body, 'Most teams split their monolith too early. This post is about waiting for the right seams.\n\n## Start from the data\n\nEach service should own the tables it writes.\n\n## Keep the contracts small\n\nA narrow API is easier to keep stable than a wide one.\n');
		assert.deepEqual(problemsOf('scraped/dev-community.md'), ['page chrome cut at the end: 9 lines from "Top comments (3)"']);

		assert.deepEqual(fields('scraped/dev-no-cover.md'), {
			title: 'Writing Tests You Trust', date: undefined, author: 'Omar Haddad', tags: ['testing', 'javascript'],
			readingMinutes: 1, description: 'A test you do not trust is worse than no test at all.', title_: 'line after Posted on',
		});
		assert.equal(post('scraped/dev-no-cover.md').body, 'A test you do not trust is worse than no test at all.\n\nDelete the flaky ones first.\n');
		assert.deepEqual(problemsOf('scraped/dev-no-cover.md'), ['page chrome cut at the end: 2 lines from "Read more →"']);

		assert.deepEqual(fields('scraped/medium-page.md'), {
			title: 'Why Our Queue Fell Over', date: '2024-02-02', author: 'Tomás Ortega', tags: [],
			readingMinutes: 6, description: 'Lessons from one very long night', title_: 'first line',
		});
		assert.ok(post('scraped/medium-page.md').body.startsWith('Lessons from one very long night\n\nAt 2 a.m.'));
		assert.ok(post('scraped/medium-page.md').body.endsWith('an alert on its depth.\n'));
		assert.deepEqual(problemsOf('scraped/medium-page.md'), ['page chrome cut at the end: 8 lines from "Sign up to discover human stories that …"']);

		assert.deepEqual(fields('scraped/hashnode-page.md'), {
			title: 'Caching Without Tears', date: '2024-01-20', author: 'Lena Fischer', tags: [],
			readingMinutes: 4, description: 'Cache invalidation is hard only when you cache the wrong things.', title_: 'repeated line',
		});
		assert.equal(post('scraped/hashnode-page.md').body, 'Cache invalidation is hard only when you cache the wrong things.\n\n## Cache what is expensive\n\nMeasure first, then cache.\n');
		assert.deepEqual(problemsOf('scraped/hashnode-page.md'), ['page chrome cut at the end: 7 lines from "Subscribe to our newsletter"']);

		assert.deepEqual(fields('scraped/substack-page.md'), {
			title: 'The Slow Build', date: '2024-04-09', author: 'Ada Mensah', tags: [],
			readingMinutes: 1, description: 'Notes on shipping software at a human pace', title_: 'repeated line',
		});
		assert.ok(post('scraped/substack-page.md').body.endsWith('Slowness is not the goal. Understanding is.\n'));
		assert.deepEqual(problemsOf('scraped/substack-page.md'), ['page chrome cut at the end: 10 lines from "Thanks for reading The Slow Build! Subs…"']);
	});

	test('collapsed one-line Markdown gets its lines back', () => {
		const collapsed = post('scraped/collapsed.md');
		assert.deepEqual(outline('scraped/collapsed.md'), [
			'2 Why Microservices Matter #why-microservices-matter',
			'3 Getting started with the split #getting-started-with-the-split',
			'2 Conclusion #conclusion',
		]);
		assert.ok(collapsed.body.includes('Key benefits:\n\n- independent deploys\n- smaller codebases\n- clear ownership\n\n### Getting started'));
		assert.ok(collapsed.body.includes('1. Find the seams\n2. Extract one service\n3. Measure'));
		assert.equal(collapsed.sources['body'], 'collapsed lines restored');
	});

	test('collapsed Markdown: a restored heading stops where its sentence or list starts', () => {
		assert.deepEqual(outline('scraped/collapsed-swallow.md'), [
			'2 Key Benefits #key-benefits',
			'3 1. Scalability #1-scalability',
			'3 2. Team Autonomy #2-team-autonomy',
			'2 Implementation Challenges #implementation-challenges',
			'2 Conclusion #conclusion',
		]);
		const {body} = post('scraped/collapsed-swallow.md');
		assert.ok(body.includes('### 1. Scalability\n\n- Scale individual services on their own\n- Pay only for the capacity each one needs\n\n### 2. Team Autonomy'));
		assert.ok(body.includes('## Implementation Challenges\n\nWhile Microservices offer many benefits, they also bring real costs: more moving parts, harder debugging and network failures.\n\n## Conclusion'));
	});

	test('the end of a JavaScript template string after the last paragraph is dropped, with a warning', () => {
		assert.equal(post('scraped/template-literal.md').body, 'This post was kept in a JavaScript module as a template string.\n\nThe last paragraph ends here.\n');
		assert.deepEqual(problemsOf('scraped/template-literal.md'), ['a stray "`;" after the last paragraph (the end of a JavaScript template string): dropped']);
		assert.equal(post('scraped/template-literal-inline.md').body, 'Use `npm ci` in CI, not `npm install`.\n\nThat is the whole trick.\n');
		assert.deepEqual(problemsOf('scraped/template-literal-inline.md'), ['a stray "`" after the last paragraph (the end of a JavaScript template string): dropped']);
		assert.equal(post('yaml-basic.md').warnings.length, 0);
	});

	test('an Astro .mdx post: its import/export blocks are not shown or summarised, code is untouched', () => {
		const mdx = post('astro/chart-post.mdx');
		assert.deepEqual([mdx.title, mdx.date?.iso, mdx.cover, mdx.sources['date'], mdx.sources['body']], ['Charts in Astro', '2024-05-01', '/blog/chart.jpg', 'pubDate', 'MDX imports removed']);
		assert.equal(mdx.description, 'Charts render at build time, so readers get plain SVG.');
		assert.equal(mdx.body, 'Charts render at build time, so readers get plain SVG.\n\n<Chart data={data} />\n\n## How it works\n\n```js\nimport x from \'y\';\n```\n');
		assert.deepEqual(outline('astro/chart-post.mdx'), ['2 How it works #how-it-works']);
	});

	test('Next.js MDX: `export const meta` literals are read, never run, and not shown', () => {
		const meta = post('mdx/next-meta/index.mdx');
		assert.deepEqual(
			[meta.title, meta.date?.iso, meta.tags, meta.author, meta.cover, meta.sources['date'], meta.sources['tags']],
			['Shipping the new color palette', '2020-11-18T17:45:00Z', ['design', 'colors'], 'Sam Ortiz', undefined, 'date', 'tags'],
		);
		assert.equal(meta.body, 'Today we are shipping the palette we have been working on all year.\n\n## Why a new palette\n\nThe old one had too few greys.\n');
		assert.deepEqual(outline('mdx/next-meta/index.mdx'), ['2 Why a new palette #why-a-new-palette']);
		assert.deepEqual(problemsOf('mdx/next-meta/index.mdx'), []);
		const excerpt = post('mdx/excerpt/index.mdx');
		assert.equal(excerpt.body, 'This release adds variants for components.\n\n## New features\n\nComponent variants.\n', 'the index preview between <!--excerpt--> marks is not the post');
		assert.equal(excerpt.sources['body'], 'MDX imports removed, MDX excerpt removed');
		const computed = post('mdx/computed-title.mdx');
		assert.deepEqual([computed.title, computed.sources['title'], computed.date?.iso], ['Computed title', 'file name', '2021-03-04']);
		assert.equal(computed.body, 'A post whose title is worked out by code, which is never run.\n');
		assert.deepEqual(problemsOf('mdx/computed-title.mdx'), ['meta.title is not a literal value: ignored (nothing in a post is run)']);
	});

	test('a date only in a permalink field (Zola path, Hugo url); four digits alone are not one', () => {
		assert.deepEqual([post('permalinks/fearless.md').date?.iso, post('permalinks/fearless.md').sources['date']], ['2015-04-10', 'path']);
		assert.deepEqual([post('permalinks/hugo-url.md').date?.iso, post('permalinks/hugo-url.md').sources['date']], ['2013-11-12', 'url']);
		assert.equal(post('permalinks/undated-slug.md').date, undefined);
		assert.deepEqual(problemsOf('permalinks/fearless.md'), []);
	});

	test('HTML entities in fields are decoded, so a list never shows &amp;', () => {
		const {title, description, tags, author} = post('fields/entities.md');
		assert.deepEqual({title, description, tags, author}, {title: 'Tom & Jerry\'s café', description: 'It’s done — finally', tags: ['R&D', 'café'], author: 'Ana & Bo'});
		assert.equal(post('mdx/next-meta/index.mdx').description, 'Every shade was picked by hand — here is how.');
		assert.ok(library.posts.every(candidate => ![candidate.title, candidate.description, candidate.author ?? '', ...candidate.tags].join(' ').includes('&amp;')));
	});

	test('fields real blogs keep elsewhere: Zola [taxonomies] and [extra], Gatsby spoiler, Astro imgUrl', () => {
		const zola = post('zola/extra-tables.md');
		assert.deepEqual([zola.tags, zola.updated?.iso, zola.sources['tags'], zola.sources['updated']], [['rust', 'retro'], '2023-03-26T14:27:05+10:00', 'tags', 'updated']);
		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
		assert.deepEqual([post('gatsby/spoiler-post/index.md').description, post('gatsby/spoiler-post/index.md').sources['description']], ['I do not want a lot for the holidays.', 'spoiler']);
		assert.deepEqual([post('astro/img-url.md').cover, post('astro/img-url.md').date?.iso], ['../../assets/blog/nuxt.jpg', '2021-04-05T22:01:00Z']);
	});

	test('template tags are what the site shows: Liquid raw and highlight, Zola and Hugo figures', () => {
		const liquid = post('dates/2018-01-02-liquid-tags.md');
		assert.equal(liquid.body, 'Link with `{{ site.baseurl }}` in front.\n\n### Liquid templates\n\n```liquid\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n```\n\n```shell\ngem install example\n```\n');
		assert.deepEqual(outline('dates/2018-01-02-liquid-tags.md'), ['3 Liquid templates #liquid-templates']);
		assert.equal(liquid.sources['body'], 'template tags converted');
		assert.equal(post('zola/figure.md').body, 'The installer crashed:\n\n![Screenshot of the installer crash.](<posts/2023/panic.png>)\n\nPrices such as \\[money: 5\\] are the site\'s own: a placeholder with the amount.\n');
	});

	test('Hugo shortcodes and Liquid tags real posts use: a picture, a notice with its heading in the outline, an embed, code, links that resolve, placeholders', () => {
		const hugo = post('templates/hugo-shortcodes.md');
		assert.equal(hugo.body, 'Read the [previous post](first-steps) first.\n\n![The dashboard after the upgrade](</images/dashboard.png>)\n\n> **Warning**\n>\n> ## Before you upgrade\n>\n> Back up `config.toml` and **stop** the server.\n\n[YouTube video](<https://www.youtube.com/watch?v=w7Ft2ymGmfc>)\n\n```toml\n[params]\n  title = "{{ .Site.Title }}"\n```\n\n## Writing shortcodes\n\nCall one as `{{< figure src="x.png" >}}`:\n\n```go-html-template\n{{< youtube id="w7Ft2ymGmfc" >}}\n```\n\n\\[toc\\]\n');
		assert.deepEqual(outline('templates/hugo-shortcodes.md'), ['2 Before you upgrade #before-you-upgrade', '2 Writing shortcodes #writing-shortcodes']);
		assert.deepEqual(hugo.warnings, ['1 template tag with nothing to show in a terminal (toc): shown as [name]']);
		const liquid = post('templates/2013-05-12-liquid-release.md');
		assert.equal(liquid.body, 'Fixes a few bugs, see the [History][] page and the [docs](/docs/usage/).\n\n\\[include: note.html\\]\n\n```bash\ngem install example -v {{ page.version }}\n```\n\n[#{{ issue }}]: /issues/\n\n\nThanks to everyone on \\[site.title\\]!\n\n[History]: /docs/history/#v1-0-2\n');
		assert.deepEqual(liquid.warnings, ['2 template tags with nothing to show in a terminal (include, site): shown as [name]']);
	});

	test('Zenn: topics are tags; emoji and type are ignored quietly', () => {
		const zenn = post('zenn/container-registry.md');
		assert.deepEqual([zenn.title, zenn.tags, zenn.sources['tags'], zenn.draft], ['Container registry を使ってみる', ['docker', 'GitHub'], 'topics', false]);
		assert.deepEqual(problemsOf('zenn/container-registry.md'), []);
	});

	test('mojibake is repaired when the reversal is exact', () => {
		const repaired = post('scraped/mojibake.md');
		assert.equal(repaired.title, 'It’s café time');
		assert.equal(repaired.body, 'She said “hello” — then left… 😀\n');
		assert.equal(repaired.sources['body'], 'mojibake repaired');
		const greek = post('scraped/mojibake-greek.md');
		assert.deepEqual([greek.title, greek.body, greek.sources['body']], ['Γεια σου κόσμε 👋', 'Μετά → το επόμενο βήμα. Καλημέρα!\n', 'mojibake repaired'], 'UTF-8 read as Windows-1253, the real Greek around it untouched');
	});

	test('encodings: BOM, UTF-16 LE/BE, CRLF, lone CR, Windows-1252', () => {
		assert.deepEqual([post('encodings/bom.md').title, post('encodings/bom.md').date?.iso], ['Byte order mark', '2024-03-01']);
		assert.equal(post('encodings/utf16le.md').title, 'UTF-16 little end');
		assert.equal(post('encodings/utf16le.md').body, 'Héllo wörld ✓\n');
		assert.equal(post('encodings/utf16be.md').body, 'Héllo wörld ✓\n');
		const crlf = post('encodings/crlf.md');
		assert.deepEqual([crlf.title, crlf.tags], ['Windows line ends', ['crlf']]);
		assert.ok(!crlf.body.includes('\r'));
		assert.deepEqual(outline('encodings/crlf.md'), ['2 First #first', '2 Second #second']);
		assert.equal(post('encodings/lone-cr.md').title, 'Old Mac line ends');
		assert.deepEqual(outline('encodings/lone-cr.md'), ['2 Only heading #only-heading']);
		assert.equal(post('encodings/windows-1252.md').title, 'Café crème');
		assert.equal(post('encodings/windows-1252.md').body, 'Prix : 5 € — très “bon”.\n');
		assert.deepEqual(problemsOf('encodings/windows-1252.md'), ['not valid UTF-8: read as Windows-1252']);
	});

	test('bad files are problems with a one-line reason; readable ones are listed too', () => {
		const expected: Array<[string, string, boolean]> = [
			['broken/alias-bomb.md', 'tags (a list) holds no tag written as text: ignored', true],
			['broken/bad-indentation.md', 'frontmatter: bad indentation of a mapping entry (line 4, column 7)', true],
			['broken/bad-yaml.md', 'frontmatter: bad indentation of a mapping entry (line 2, column 12)', true],
			['broken/binary.md', 'binary file, not text', false],
			['broken/blank.md', 'empty file', false],
			['broken/empty.md', 'empty file', false],
			['broken/frontmatter-only.md', 'frontmatter only: no text', true],
			['broken/javascript-long.md', 'frontmatter: javascript frontmatter is never run: ignored', true],
			['broken/javascript.md', 'frontmatter: js frontmatter is never run: ignored', true],
			['broken/not-an-object.md', 'frontmatter: not a set of fields: ignored', true],
			['broken/prototype.md', 'tags (a mapping) holds no tag written as text: ignored', true],
			['broken/unclosed-fence.md', 'frontmatter: no closing "---" line', true],
			['dates/2021-05-06-garbled-date.md', 'date "the day after the launch" is not a date: dated from the file name', true],
			['dates/2021-05-06-garbled-date.md', 'updated "never" is not a date: ignored', true],
			['dates/2021-05-06-garbled-date.md', 'tags (a mapping) holds no tag written as text: ignored', true],
			['dates/not-a-date.md', 'date "sometime next spring" is not a date: shown as undated', true],
			['encodings/windows-1252.md', 'not valid UTF-8: read as Windows-1252', true],
			['mdx/computed-title.mdx', 'meta.title is not a literal value: ignored (nothing in a post is run)', true],
			['scraped/dev-community.md', 'page chrome cut at the end: 9 lines from "Top comments (3)"', true],
			['scraped/dev-no-cover.md', 'page chrome cut at the end: 2 lines from "Read more →"', true],
			['scraped/hashnode-page.md', 'page chrome cut at the end: 7 lines from "Subscribe to our newsletter"', true],
			['scraped/medium-page.md', 'page chrome cut at the end: 8 lines from "Sign up to discover human stories that …"', true],
			['scraped/substack-page.md', 'page chrome cut at the end: 10 lines from "Thanks for reading The Slow Build! Subs…"', true],
			['scraped/template-literal-inline.md', 'a stray "`" after the last paragraph (the end of a JavaScript template string): dropped', true],
			['scraped/template-literal.md', 'a stray "`;" after the last paragraph (the end of a JavaScript template string): dropped', true],
			['templates/2013-05-12-liquid-release.md', '2 template tags with nothing to show in a terminal (include, site): shown as [name]', true],
			['templates/hugo-shortcodes.md', '1 template tag with nothing to show in a terminal (toc): shown as [name]', true],
			['zola/figure.md', '1 template tag with nothing to show in a terminal (money): shown as [name]', true],
		];
		assert.deepEqual(library.problems.map(problem => [problem.path, problem.problem, problem.slug !== undefined]), expected);
		for (const problem of library.problems) {
			assert.ok(!problem.problem.includes('\n'));
			assert.equal(problem.absolutePath, `${corpus}/${problem.path}`);
			if (problem.slug) {
				assert.equal(post(problem.path).slug, problem.slug);
				assert.ok(post(problem.path).warnings.includes(problem.problem));
			}
		}
	});

	test('broken frontmatter keeps what a person can read', () => {
		const badYaml = post('broken/bad-yaml.md');
		assert.deepEqual([badYaml.title, badYaml.date?.iso, badYaml.tags], ['Rust: the good parts', '2024-02-04', ['rust']]);
		assert.equal(badYaml.body, 'The title has an unquoted colon.\n');
		const unclosed = post('broken/unclosed-fence.md');
		assert.deepEqual([unclosed.title, unclosed.date?.iso, unclosed.body], ['Never closed', '2024-02-03', 'The author forgot the closing fence.\n']);
		assert.equal(post('broken/not-an-object.md').body, 'Body after a list frontmatter.\n');
		assert.equal(post('broken/frontmatter-only.md').title, 'Only frontmatter');
		assert.equal(post('broken/leading-rule.md').body.split('\n')[0], '---', 'a leading rule is not frontmatter');
		assert.deepEqual(problemsOf('broken/leading-rule.md'), []);
	});

	test('hostile frontmatter: no code runs, no prototype pollution, aliases and merge keys are inert', () => {
		assert.equal((globalThis as Record<string, unknown>)['blogTuiPwned'], undefined);
		assert.equal(post('broken/javascript.md').title, 'Javascript');
		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
		assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
		const proto = post('broken/prototype.md');
		assert.deepEqual([proto.title, proto.tags, proto.author], ['Prototype keys', [], undefined]);
		assert.deepEqual([post('broken/alias-bomb.md').title, post('broken/alias-bomb.md').tags], ['Alias bomb', []]);
		assert.equal(post('broken/merge-keys.md').title, 'Merge keys', 'a `<<` merge is not expanded');
	});
});
