import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {parseFrontmatter} from '../../source/content/parse-frontmatter.js';

/** smol-toml gives objects without a prototype; compare their fields. */
function parsed(text: string) {
	const result = parseFrontmatter(text);
	return {...result, data: {...result.data}};
}

describe('parseFrontmatter', () => {
	test('fences and languages', () => {
		assert.deepEqual(parseFrontmatter('---\ntitle: a\n...\nbody'), {format: 'yaml', data: {title: 'a'}, body: 'body', warnings: []});
		assert.deepEqual(parseFrontmatter('---yaml\ntitle: a\n---\nbody'), {format: 'yaml', data: {title: 'a'}, body: 'body', warnings: []});
		assert.deepEqual(parseFrontmatter('---\n---\nbody'), {format: 'yaml', data: {}, body: 'body', warnings: []});
		assert.deepEqual(parsed('---toml\ntitle = "a"\n---\nbody'), {format: 'toml', data: {title: 'a'}, body: 'body', warnings: []});
		assert.deepEqual(parseFrontmatter('---foo\ntitle: a\n---\nbody'), {format: 'none', data: {}, body: 'body', warnings: ['frontmatter: unknown language "foo": ignored']});
		assert.deepEqual(parseFrontmatter('{\n  "title": "a"\n}\nbody'), {format: 'json', data: {title: 'a'}, body: 'body', warnings: []});
	});

	test('text that only looks like a fence stays body', () => {
		for (const text of ['---\n\nA rule, then text.\n\n---\n', '{\nnot json\n}\nbody', '"Quoted," she said.\n;;;', '+++ not a fence\n']) {
			assert.deepEqual(parseFrontmatter(text), {format: 'none', data: {}, body: text, warnings: []});
		}
	});

	test('errors name the file line and column', () => {
		assert.deepEqual(parseFrontmatter('+++\ntitle = "a"\ntitle = "b"\n+++\nbody').warnings, ['frontmatter: trying to redefine an already defined table or value (line 3, column 1)']);
		assert.match(parseFrontmatter('---json\n{"title": }\n---\nbody').warnings[0]!, /^frontmatter: Unexpected token/);
		assert.deepEqual(parseFrontmatter('---\ntitle: a\ntitle: b\n---\nbody').data, {title: 'b'}, 'a repeated YAML key overrides');
	});

	test('an unclosed TOML block keeps its fields and the text after the first blank line', () => {
		assert.deepEqual(parsed('+++\ntitle = "a"\n\nbody'), {format: 'toml', data: {title: 'a'}, body: '\nbody', warnings: ['frontmatter: no closing "+++" line']});
	});

	test('code frontmatter is never run', () => {
		const before = Object.keys(globalThis).length;
		for (const language of ['js', 'javascript', 'coffee']) {
			const result = parseFrontmatter(`---${language}\n{title: (globalThis.ranFrontmatter = 1, "x")}\n---\nbody`);
			assert.deepEqual(result, {format: 'none', data: {}, body: 'body', warnings: [`frontmatter: ${language} frontmatter is never run: ignored`]});
		}

		assert.equal((globalThis as Record<string, unknown>)['ranFrontmatter'], undefined);
		assert.equal(Object.keys(globalThis).length, before);
	});

	test('a parse error is not remembered: the same text fails the same way twice', () => {
		const broken = '---\ntitle: Rust: the good parts\n---\nbody';
		assert.deepEqual(parseFrontmatter(broken), parseFrontmatter(broken));
		assert.equal(parseFrontmatter(broken).data['title'], 'Rust: the good parts');
		assert.equal(parseFrontmatter(broken).warnings.length, 1);
	});
});
