import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {loadLibrary} from '../../source/content/load-library.js';
import {renderArticle} from '../../source/render/render-article.js';
import {sanitize} from '../../source/render/sanitize.js';
import {payloads} from './corpus.js';
import {forbiddenSequences} from './terminal-oracle.js';
import '../render/grammars.js';

// Fixed seed: a failure is reproducible, and CI time is predictable.
const seed = 20_261_123;

const tricky = fc.constantFrom(
	'\u001B', '\u0007', '\u009B', '\u009D', '\u007F', '\r', '\t', '\u202E', '\u2066', '\u0000', '\u0085',
	'&#27;', '&#x9b;', '&#x202e;', '\n', ' ', '#', '*', '_', '`', '[', ']', '(', ')', '>', '-', '|', '<', '!',
	'a', 'Z', '1', 'é', '字', '😀', '\u0301', '\uFE0F', ...Object.values(payloads),
);
const messyText = fc.array(fc.oneof(tricky, fc.string({unit: 'binary', maxLength: 4})), {maxLength: 40}).map(parts => parts.join(''));

test('sanitize is idempotent and lets no control, bidi or escape character through', () => {
	fc.assert(fc.property(messyText, text => {
		const clean = sanitize(text);
		assert.equal(sanitize(clean), clean);
		assert.deepEqual(forbiddenSequences(clean), []);
	}), {seed, numRuns: 6000});
});

const markdownLine = fc.oneof(
	messyText,
	fc.tuple(fc.integer({min: 1, max: 6}), messyText).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
	messyText.map(text => `- ${text}`),
	messyText.map(text => `  1. **${text}** \`${text}\``),
	messyText.map(text => `> ${text}`),
	fc.tuple(messyText, messyText).map(([a, b]) => `| ${a} | ${b} |\n| --- | --- |\n| ${b} | ${a} |`),
	messyText.map(text => `\`\`\`\n${text}\n\`\`\``),
	messyText.map(text => `[${text}](https://example.com/${encodeURIComponent(text)}) ![${text}](x.png)`),
	fc.constant('---'),
	fc.constant(''),
);
const markdown = fc.array(markdownLine, {maxLength: 25}).map(lines => lines.join('\n'));

test('renderArticle never throws and never exceeds the width, but for an address kept whole on a line of its own without OSC 8', () => {
	fc.assert(fc.property(markdown, fc.integer({min: 20, max: 300}), fc.constantFrom(0, 1, 3), fc.boolean(), (body, width, colorLevel, hyperlinks) => {
		const post = {title: 'Property', body, headings: []};
		const article = renderArticle(post as never, {width, theme: 'dark', colorLevel: colorLevel as 0 | 1 | 3, hyperlinks});
		for (const [index, line] of article.lines.entries()) {
			if (stringWidth(line) > width) {
				// Only the address and what is drawn before every line of its block (a list marker, a quote bar).
				const plain = article.plain[index]!.trimEnd();
				const address = plain.split(' ').at(-1)!;
				assert.ok(!(hyperlinks && colorLevel > 0) && address.includes('://'), `a line is ${stringWidth(line)} columns at width ${width}: ${JSON.stringify(line)}`);
				assert.ok(plain.slice(0, -address.length).replaceAll(' ', '').length <= 4, `an address shares its line: ${JSON.stringify(plain)}`);
			}

			assert.deepEqual(forbiddenSequences(line), []);
		}
	}), {seed, numRuns: 3000});
});

test('renderArticle at widths below 20 never throws', () => {
	fc.assert(fc.property(markdown, fc.integer({min: 1, max: 19}), (body, width) => {
		renderArticle({title: 'Narrow', body, headings: []} as never, {width, theme: 'light', colorLevel: 3, hyperlinks: false});
	}), {seed, numRuns: 500});
});

const folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-bytes-'));
after(() => {
	rmSync(folder, {recursive: true, force: true});
});

test('loadLibrary never throws on arbitrary file bytes and accounts for every file', async () => {
	const bytes = fc.oneof(
		fc.uint8Array({maxLength: 300}),
		markdown.map(text => new TextEncoder().encode(`---\ntitle: ${text}\ntags: ${text}\n---\n${text}`)),
		fc.tuple(fc.constantFrom('\uFEFF', '', '---\n', '+++\n', '---json\n', ';;;\n'), messyText).map(([head, text]) => new TextEncoder().encode(head + text)),
	);
	let run = 0;
	await fc.assert(fc.asyncProperty(bytes, async content => {
		const file = path.join(folder, `case-${run++}.md`);
		writeFileSync(file, content);
		const library = await loadLibrary(file);
		assert.equal(library.posts.length + library.problems.filter(problem => problem.slug === undefined).length, 1);
	}), {seed, numRuns: 600});
});
