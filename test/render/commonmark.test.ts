import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {renderArticle} from '../../source/render/render-article.js';

type Example = {markdown: string; number: number; section: string};
const {tests: examples} = createRequire(import.meta.url)('commonmark-spec') as {tests: Example[]};

test('the CommonMark spec has its 652 examples', () => {
	assert.equal(examples.length, 652);
});

for (const width of [1, 10, 40, 80, 200]) {
	test(`every CommonMark example renders at width ${width}${width >= 20 ? ' within the width' : ''}`, () => {
		for (const example of examples) {
			// The spec writes tabs as →.
			const body = example.markdown.replaceAll('→', '\t');
			const article = renderArticle({title: `Example ${example.number}`, body, headings: []}, {width, theme: 'dark', colorLevel: 3, hyperlinks: true});
			assert.equal(article.notice, undefined, `example ${example.number} (${example.section}) fell back to plain text`);
			if (width >= 20) {
				for (const line of article.lines) {
					assert.ok(stringWidth(line) <= width, `example ${example.number} (${example.section}): ${JSON.stringify(line)} is wider than ${width}`);
				}
			}
		}
	});
}
