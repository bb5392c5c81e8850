import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {decodeText} from '../../source/content/decode-text.js';
import {inferPreamble} from '../../source/content/infer-preamble.js';
import fc from 'fast-check';
import {mayHoldMojibake, repairMojibake} from '../../source/content/repair-mojibake.js';
import {decodeWindows1252} from '../../source/content/windows-1252.js';
import {restoreCollapsed} from '../../source/content/restore-collapsed.js';
import {stripTemplateEnd} from '../../source/content/strip-template-end.js';
import {firstParagraph, readingMinutes} from '../../source/content/summarise-body.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decodeText', () => {
	test('UTF-8 with and without BOM, UTF-16 with BOM, line ends', () => {
		assert.deepEqual(decodeText(new TextEncoder().encode('a\r\nb\rc\n')), {text: 'a\nb\nc\n', warnings: [], ascii: true});
		assert.deepEqual(decodeText(bytes(0xEF, 0xBB, 0xBF, 0x68, 0xC3, 0xA9)), {text: 'hé', warnings: [], ascii: false});
		assert.deepEqual(decodeText(bytes(0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00, 0x0D, 0x00, 0x0A, 0x00)), {text: 'hé\n', warnings: [], ascii: false});
		assert.deepEqual(decodeText(bytes(0xFE, 0xFF, 0x00, 0x68, 0x00, 0xE9)), {text: 'hé', warnings: [], ascii: false});
	});

	test('invalid UTF-8 is read as Windows-1252 with a warning; NUL means binary', () => {
		assert.deepEqual(decodeText(bytes(0x93, 0x68, 0x94, 0x20, 0x80, 0x20, 0xE9)), {text: '“h” € é', warnings: ['not valid UTF-8: read as Windows-1252'], ascii: false});
		assert.deepEqual(decodeText(bytes(0x68, 0x00, 0x69)), {binary: true});
		assert.deepEqual(decodeText(bytes(0xFF, 0xFE, 0x00, 0x00)), {binary: true});
	});
});

describe('repairMojibake', () => {
	const utf8 = (text: string) => new TextEncoder().encode(text);

	test('the byte search that skips the repair never misses text the repair would change', () => {
		// Any text, once its UTF-8 is misread as Windows-1252 and saved again as UTF-8.
		fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 30}), fc.string({unit: 'binary', maxLength: 30}), (plain, written) => {
			const mangled = decodeWindows1252(utf8(written));
			for (const text of [written, mangled, `${plain}${mangled}`]) {
				if (repairMojibake(text).repaired) {
					assert.ok(mayHoldMojibake(utf8(text)), JSON.stringify(text));
				}
			}
		}), {numRuns: 3000});
		assert.equal(mayHoldMojibake(utf8('Itâ€™s')), true);
		assert.equal(mayHoldMojibake(utf8('cafÃ©')), true);
		assert.equal(mayHoldMojibake(utf8('café naïve résumé 漢字 “quoted” — Ã alone')), false);
	});

	test('reverses exact runs, leaves everything else alone', () => {
		assert.deepEqual(repairMojibake('Itâ€™s a cafÃ© â€” ðŸ˜€'), {text: 'It’s a café — 😀', repaired: true});
		assert.deepEqual(repairMojibake('São Paulo, “quoted”, Ã alone, naïve'), {text: 'São Paulo, “quoted”, Ã alone, naïve', repaired: false});
		assert.deepEqual(repairMojibake('Â\u0085 is a C1 control once reversed'), {text: 'Â\u0085 is a C1 control once reversed', repaired: false});
	});
});

describe('restoreCollapsed', () => {
	test('leaves ordinary posts alone', () => {
		assert.equal(restoreCollapsed('## Heading\n\nText with C# and a ## in the middle.'), undefined);
		assert.equal(restoreCollapsed(`${'word '.repeat(80)} ## Only one marker here ${'word '.repeat(20)}`), undefined);
		assert.equal(restoreCollapsed(`## Real heading\n\n${'word '.repeat(80)} ## Two ## Markers`), undefined);
	});

	test('Title Case and sentence case headings end where the first sentence starts', () => {
		const line = `${'Intro words here. '.repeat(20)}## Why It Matters Teams ship faster. ### Getting started with it You need a map. ## Next Steps`;
		assert.equal(restoreCollapsed(line), `${'Intro words here. '.repeat(20).trim()}\n\n## Why It Matters\n\nTeams ship faster.\n\n### Getting started with it\n\nYou need a map.\n\n## Next Steps`);
	});
});

describe('preamble of a pasted post', () => {
	test('title, byline date and read time are taken and removed', () => {
		assert.deepEqual(inferPreamble('Why Builds Got Faster\n\n*Jun 4, 2023* · 5 min read\n\nText.', {title: true, date: true, readingMinutes: true}), {
			body: 'Text.',
			title: 'Why Builds Got Faster',
			date: {iso: '2023-06-04', time: Date.UTC(2023, 5, 4)},
			readingMinutes: 5,
		});
	});

	test('a sentence is not a title, a date inside prose is not a date line, and unwanted fields stay', () => {
		assert.deepEqual(inferPreamble('This is a sentence.\n\nWe met on June 4, 2023 at noon.', {title: true, date: true, readingMinutes: true}), {body: 'This is a sentence.\n\nWe met on June 4, 2023 at noon.'});
		assert.deepEqual(inferPreamble('Title\n\n2024-01-15\n\nText.', {title: false, date: false, readingMinutes: true}), {body: 'Title\n\n2024-01-15\n\nText.'});
	});
});

describe('summaries', () => {
	test('the first real paragraph, plain, cut at a word boundary', () => {
		const long = `![cover](c.png)\n\n\`\`\`\ncode\n\`\`\`\n\n> quote\n\nJane Doe\n\nThe **first** real [paragraph](https://x.y) ${'goes on and on '.repeat(20)}`;
		const description = firstParagraph(long);
		assert.ok(description.startsWith('The first real paragraph goes on and on'));
		assert.ok(description.endsWith('on…'));
		assert.ok(description.length <= 200);
		assert.equal(firstParagraph('Jane Doe'), 'Jane Doe');
		assert.equal(firstParagraph('## Only a heading'), '');
	});

	test('reading time: words ÷ 230 (at least 1), CJK characters ÷ 500', () => {
		assert.equal(readingMinutes('word', 1), 1);
		assert.equal(readingMinutes('word '.repeat(1150), 1), 5);
		assert.equal(readingMinutes('字'.repeat(2500), 1), 5);
	});
});

describe('stripTemplateEnd', () => {
	test('only an unmatched backtick at the very end, outside code', () => {
		assert.deepEqual(stripTemplateEnd('Text.\n`;\n'), {body: 'Text.\n', dropped: '`;'});
		assert.deepEqual(stripTemplateEnd('Text.`\n'), {body: 'Text.\n', dropped: '`'});
		assert.equal(stripTemplateEnd('Run `ls`\n'), undefined);
		assert.equal(stripTemplateEnd('```\ncode `\n'), undefined);
		assert.equal(stripTemplateEnd('``\n'), undefined);
		assert.equal(stripTemplateEnd('`\n'), undefined);
	});
});
