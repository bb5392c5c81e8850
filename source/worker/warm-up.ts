import {extractHeadings} from '../content/outline.js';
import type {ArticleSource, RenderedText, RenderOptions} from '../render/article.js';
import {renderArticle} from '../render/render-article.js';

// Every kind of block and inline the renderer draws, so each of its code paths has run before a
// reader opens a post. Written for this purpose; no reader sees it.
const body = `A short tour of what a post may hold: **strong words**, *leaning words*, \`inline code\`,
~~struck text~~, a [link to elsewhere](https://example.com/guide "Guide"), an [in-page link](#lists),
a [relative link](../2024/other-post.md), a bare https://example.org/address and an emoji :rocket:.
Wide text too: 漢字とかな, 한국어, café, naïve, “quotes” — and dashes… with a hard  
break in the middle.

## Lists

- A first item with **bold** and \`code\` inside
- A second item with a [link](https://example.com/two)
  - A nested item, *slanted*
  - Another nested item that is long enough to wrap across the line at the narrower widths used here
    1. Ordered inside nested
    2. And a second one
- [ ] A task still to do
- [x] A task that is done

1. One
2. Two, with a longer sentence that has to wrap when the terminal is not very wide at all
3. Three

### A table

| Name | Count | Notes | State |
|:-----|------:|-------|:-----:|
| alpha | 12 | Short note | ok |
| beta | 3,400 | A longer note that must wrap inside its cell when space is short | slow |
| gamma | 7 | \`code\` and **bold** in a cell | done |

> A quotation with *emphasis* and a [link](https://example.com/quote).
>
> > A nested quotation.

> [!NOTE]
> An alert block, as GitHub draws them.

## Code

\`\`\`ts
export function total(values: readonly number[]): number {
	let sum = 0;
	for (const value of values) {
		sum += value; // add it
	}
	return sum;
}
\`\`\`

\`\`\`js
const items = await fetchAll({limit: 10, retry: true});
console.log(\`got \${items.length} items\`);
\`\`\`

\`\`\`sh
for file in posts/*.md; do wc -w "$file"; done | sort -n
\`\`\`

\`\`\`python
def words(text: str) -> int:
    return len([part for part in text.split() if part])
\`\`\`

\`\`\`rust
fn main() {
    let names = vec!["a", "b"];
    println!("{}", names.join(", "));
}
\`\`\`

\`\`\`json
{"title": "Warm", "tags": ["a", "b"], "draft": false}
\`\`\`

\`\`\`
plain text in a fence, with no language at all
\`\`\`

    indented code

![A picture of nothing](https://example.com/picture.png)

---

Setext heading
--------------

Some <b>inline HTML</b>, an entity &amp; a <a id="target">named anchor</a>.

<div>
A block of HTML.
</div>
`;

const sample: ArticleSource = {
	title: 'Warm-up',
	body,
	headings: extractHeadings(body),
	date: {iso: '2026-01-02', time: Date.UTC(2026, 0, 2)},
	tags: ['warm', 'up'],
	description: 'Runs every path of the renderer once.',
	readingMinutes: 1,
};

/** How many small renders warm the renderer up: past about this many, a 1 MB post renders little faster (about 0.45 s of one core, once). */
export const warmUpSteps = 100;

/**
 * One small render of the built-in sample. Run `warmUpSteps` of them while the app is idle: a post
 * rendered by code V8 has already optimised takes about half the time it takes cold.
 */
export function warmUpStep(step: number, options: Pick<RenderOptions, 'theme' | 'colorLevel' | 'hyperlinks'>): RenderedText {
	return renderArticle(sample, {...options, width: 40 + ((step * 17) % 90)});
}
