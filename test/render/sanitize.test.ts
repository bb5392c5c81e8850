import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ArticleSource} from '../../source/render/article.js';
import {renderArticle} from '../../source/render/render-article.js';
import {cleanText} from '../../source/content/read-fields.js';
import {stringifyJson} from '../../source/cli/list-json.js';
import {sanitize, sanitizeProse} from '../../source/render/sanitize.js';
import {fitSegments, plain} from '../../source/ui/segments.js';
import './grammars.js';

const escapes = {
	esc: '\u001B',
	bel: '\u0007',
	title: '\u001B]0;pwned\u0007',
	title2: '\u001B]2;pwned\u001B\\',
	clipboard: '\u001B]52;c;cHduZWQ=\u0007',
	hyperlink: '\u001B]8;;javascript:alert(1)\u001B\\click\u001B]8;;\u001B\\',
	report: '\u001B[6n',
	alternate: '\u001B[?1049h',
	dcs: '\u001BP+q544e\u001B\\',
	c1: '\u009B31m\u009D0;x\u0007\u0085',
	del: '\u007F',
	bidi: '\u202Eevil\u202C\u2066x\u2069',
	entities: '&#27;[31m&#x9b;6n&#x202e;&#7;&#x1b;]0;t&#x07;&#127;',
};
const all = Object.values(escapes).join(' ');
// Invisible marks and separators that reorder or break the text around them on a terminal.
const formatControls = {
	arabicMark: 'x\u061Cy',
	lrm: 'x\u200Ey',
	rlm: 'x\u200Fy',
	lineSeparator: 'x\u2028y',
	paragraphSeparator: 'x\u2029y',
	entities: 'x&#x61c;&#x200e;&#x200F;&#x2028;&#8233;y',
};

/** What is left after removing what may leave the renderer: SGR, and OSC 8 to http(s)/mailto or closing. */
function disallowed(output: string): string[] {
	const rest = output
		.replaceAll(/\u001B\[[\d;]*m/g, '')
		.replaceAll(/\u001B\]8;;(?:(?:https?:|mailto:)[\u0021-\u007E]*)?\u001B\\/g, '');
	return [...rest.matchAll(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g)].map(match => JSON.stringify(match[0]));
}

test('sanitize removes C0 and C1 controls (not newline), DEL and bidi controls; tabs become spaces', () => {
	assert.equal(sanitize(`a${all}\tb\nc`), 'a  ]0;pwned ]2;pwned\\ ]52;c;cHduZWQ= ]8;;javascript:alert(1)\\click]8;;\\ [6n [?1049h P+q544e\\ 31m0;x  evilx &#27;[31m&#x9b;6n&#x202e;&#7;&#x1b;]0;t&#x07;&#127;    b\nc');
	assert.equal(sanitize(sanitize(all)), sanitize(all));
});

test('sanitize removes bidi marks (U+061C, U+200E, U+200F) and turns line and paragraph separators into spaces', () => {
	assert.equal(sanitize('a\u061Cb\u200Ec\u200Fd'), 'abcd');
	assert.equal(sanitize('one\u2028two\u2029three'), 'one two three');
	assert.equal(sanitizeProse('one\u2028two\u2029three\u200F\nfour'), 'one two three four');
	for (const character of ['\u200E', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
		assert.equal(sanitize(`a${character}b`), 'ab', JSON.stringify(character));
		assert.equal(sanitizeProse(`a${character}b`), 'ab', JSON.stringify(character));
	}
});

test('titles, tags and list --json carry none of them either', () => {
	assert.equal(cleanText('A\u061C title\u200F with\u2028a break\u2029here', 100), 'A title with a break here');
	const json = stringifyJson({title: 'a\u061Cb\u200Ec\u200Fd\u2028e\u2029f'});
	assert.ok(!/[\u061C\u200E\u200F\u2028\u2029]/.test(json), json);
	assert.equal(JSON.parse(json).title, 'a\u061Cb\u200Ec\u200Fd\u2028e\u2029f', 'the data is unchanged for a JSON reader');
	// Every row and header of the browser is cut to width by fitSegments, which shows them as �.
	assert.equal(plain(fitSegments([{text: 'x\u2028y\u061Cz\u200F'}], 10, false)), 'x�y�z�');
});

const placements: Record<string, (payload: string) => Partial<ArticleSource>> = {
	paragraph: payload => ({body: `Text ${payload} more.`}),
	heading: payload => ({body: `## Heading ${payload}`}),
	'code block': payload => ({body: `\`\`\`js\nconst a = "${payload}";\n\`\`\`\n\n\`\`\`\n${payload}\n\`\`\``}),
	'code label': payload => ({body: `\`\`\`${payload.replaceAll(/\s/g, '')}\ncode\n\`\`\``}),
	'code span': payload => ({body: `Use \`${payload}\` here.`}),
	'link text': payload => ({body: `[${payload}](https://example.com) [x${payload}](#a)`}),
	'link target': payload => ({body: `[text](https://example.com/${payload}) [t](javascript:${payload})`}),
	image: payload => ({body: `![${payload}](https://example.com/${payload}.png)`}),
	'list and quote': payload => ({body: `- ${payload}\n- [ ] ${payload}\n\n> ${payload}`}),
	table: payload => ({body: `| a ${payload} | b |\n|---|---|\n| ${payload} | c |`}),
	html: payload => ({body: `<div title="${payload}">${payload}</div>\n\n<img alt="${payload}" src="https://x/${payload}">`}),
	title: payload => ({title: payload}),
	tags: payload => ({tags: [payload, `tag${payload}`]}),
	description: payload => ({description: payload}),
	author: payload => ({author: payload}),
	cover: payload => ({cover: `https://example.com/${payload}`}),
	date: payload => ({date: {iso: `2024-01-05${payload}`, time: 0}}),
};

test('nothing but SGR and http(s)/mailto OSC 8 leaves the renderer, wherever the escape is placed', () => {
	for (const [where, place] of Object.entries(placements)) {
		for (const [name, payload] of Object.entries({...escapes, all, ...formatControls})) {
			const post: ArticleSource = {title: 'Post', body: 'Body.', headings: [], ...place(payload)};
			for (const options of [{colorLevel: 3, hyperlinks: true}, {colorLevel: 0, hyperlinks: false}] as const) {
				const article = renderArticle(post, {width: 60, theme: 'dark', ...options});
				assert.deepEqual(disallowed(article.lines.join('\n')), [], `${name} in ${where}`);
				assert.deepEqual(disallowed(article.plain.join('\n')), [], `${name} in ${where} (plain)`);
				assert.ok(article.lines.every(line => !line.includes('\n')) && article.plain.every(line => !line.includes('\u001B')));
				if (options.colorLevel === 0) {
					assert.ok(!article.lines.join('\n').includes('\u001B'), `${name} in ${where}: colour level 0 has no escape`);
				}

				const targets = [...article.lines.join('\n').matchAll(/\u001B\]8;;([^\u001B]*)\u001B\\/g)].map(match => match[1]!);
				assert.ok(targets.every(target => target === '' || /^(https?:|mailto:)/.test(target)), `${name} in ${where}: ${targets.join(', ')}`);
			}
		}
	}
});

test('entity-encoded controls are removed after decoding', () => {
	const article = renderArticle({title: 'T', body: 'a&#27;[2Jb &#x9b;c &#x202e;d', headings: []}, {width: 60, theme: 'dark', colorLevel: 0, hyperlinks: false});
	// HTML5 reads `&#x9b;` as the Windows-1252 character `›`, never as the C1 control.
	assert.equal(article.plain.at(-1), 'a[2Jb ›c d');
});
