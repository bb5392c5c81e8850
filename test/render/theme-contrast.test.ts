import assert from 'node:assert/strict';
import {test} from 'node:test';
import {renderArticle} from '../../source/render/render-article.js';
import {createPainter} from '../../source/render/style.js';
import {decorations, themeElements} from '../../source/render/theme.js';
import type {Theme} from '../../source/render/article.js';
import {makePost} from '../ui/reader/fixture.js';
import {lowContrast} from './low-contrast.js';
import {sgrRuns} from './sgr-runs.js';

const themes: Theme[] = ['dark', 'light'];
const levels = [1, 2, 3] as const;

test('every element of both themes keeps WCAG contrast on the theme\'s background, at 16, 256 and 16 million colours', () => {
	const problems: string[] = [];
	for (const theme of themes) {
		for (const level of levels) {
			const painter = createPainter({theme, colorLevel: level});
			for (const element of themeElements(theme)) {
				const {open, close} = painter(element);
				for (const problem of lowContrast(sgrRuns(`${open}Text${close}`), theme, () => decorations.has(element))) {
					problems.push(`${theme} level ${level} ${element}: ${problem}`);
				}
			}
		}
	}

	assert.deepEqual(problems, []);
});

const everything = [
	'# Heading one', '', 'Text with **bold**, *italic*, ~~gone~~, `code`, [a link](https://example.com/x) and ![a picture](p.png).', '',
	'## Heading two', '', '### Three', '', '#### Four', '', '##### Five', '', '###### Six', '',
	'> A quote with words.', '', '> [!NOTE]\n> A note.', '', '> [!TIP]\n> A tip.', '', '> [!IMPORTANT]\n> Important.', '', '> [!WARNING]\n> Careful.', '', '> [!CAUTION]\n> Danger.', '',
	'- a bullet', '- [x] done', '- [ ] to do', '', '---', '',
	'| Head | Other |', '| --- | --- |', '| cell | cell |', '',
	'```ts', '// a comment', 'import {x} from "y";', 'export const answer: number = 42 + /re/.exec("s")!.length;', 'function f<T>(value: T): T { return value; }', '@decorator class C { #field = true; }', '```', '',
	'```diff', '+ added', '- removed', '@@ section @@', '```', '',
	'```html', '<a href="x" data-y>text</a>', '```',
].join('\n');

test('a rendered article with every kind of block keeps WCAG contrast in both themes at every colour depth', () => {
	const post = makePost('all', 'Every block', everything);
	const problems: string[] = [];
	for (const theme of themes) {
		for (const level of levels) {
			const article = renderArticle({...post, tags: ['one', 'two'], description: 'What it holds.'}, {width: 80, theme, colorLevel: level, hyperlinks: false});
			for (const problem of lowContrast(sgrRuns(article.lines.join('\n')), theme)) {
				problems.push(`${theme} level ${level}: ${problem}`);
			}
		}
	}

	assert.deepEqual(problems, []);
});
