import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import GithubSlugger from 'github-slugger';
import {loadLibrary} from '../../source/content/load-library.js';
import {renderArticle} from '../../source/render/render-article.js';
import {plainOptions, render} from './helpers.js';

function githubIds(texts: string[]): string[] {
	const slugger = new GithubSlugger();
	return texts.map(text => slugger.slug(text));
}

test('headings the outline does not name get GitHub\'s ids too: repeats are numbered whatever their case', () => {
	const article = render('# Conclusion\n\n## Conclusion\n\n### conclusion\n\n## Conclusion 1\n\n## What’s new in v2.0? C++ & Rust 🚀');
	assert.deepEqual(article.headings.map(heading => heading.id), ['conclusion', 'conclusion-1', 'conclusion-2', 'conclusion-1-1', 'whats-new-in-v20-c--rust-']);
});

for (const [name, url] of [['the fixture corpus', '../fixtures/posts'], ['the bundled posts', '../../posts']] as const) {
	test(`every heading id in ${name} is github-slugger's, in the outline and in the article`, async () => {
		const library = await loadLibrary(fileURLToPath(new URL(url, import.meta.url)));
		let checked = 0;
		for (const post of library.posts) {
			const texts = post.headings.map(heading => heading.text);
			assert.deepEqual(post.headings.map(heading => heading.id), githubIds(texts), `${post.path}: outline`);
			const article = renderArticle(post, plainOptions);
			assert.deepEqual(article.headings.map(heading => heading.id), githubIds(article.headings.map(heading => heading.text)), `${post.path}: article`);
			const unnamed = renderArticle({...post, headings: []}, plainOptions);
			assert.deepEqual(unnamed.headings.map(heading => heading.id), githubIds(unnamed.headings.map(heading => heading.text)), `${post.path}: article without an outline`);
			checked += texts.length;
		}

		assert.ok(checked >= 10, `${checked} headings checked`);
	});
}
