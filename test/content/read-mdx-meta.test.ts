import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {readMdxMeta} from '../../source/content/read-mdx-meta.js';

describe('readMdxMeta', () => {
	test('literal strings, template strings without ${}, numbers, arrays and nested objects', () => {
		const meta = readMdxMeta('export const meta = {\n  "title": `One ${"two"}`,\n  description: `Plain`,\n  count: 3,\n  tags: [\'a\', b, `c`],\n  author: {name: \'N\'},\n  ...rest,\n}\n\nBody.\n');
		assert.deepEqual({...meta!.data, author: {...meta!.data['author'] as object}}, {description: 'Plain', count: 3, tags: ['a', 'c'], author: {name: 'N'}});
		assert.deepEqual(meta!.notLiteral, ['title']);
		assert.equal(meta!.body, 'Body.\n');
	});

	test('nothing is evaluated, and __proto__ is only a key', () => {
		const meta = readMdxMeta('export const meta = {title: (() => { globalThis.mdxRan = 1; return "x" })(), __proto__: {polluted: true}}\n');
		assert.equal((globalThis as Record<string, unknown>)['mdxRan'], undefined);
		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
		assert.equal(Object.getPrototypeOf(meta!.data), null);
		assert.deepEqual(meta!.notLiteral, ['title']);
	});

	test('no export, a non-object export, or one that does not parse: undefined', () => {
		assert.equal(readMdxMeta('# Just Markdown\n'), undefined);
		assert.equal(readMdxMeta('export const meta = makeMeta()\n'), undefined);
		assert.equal(readMdxMeta('export const meta = {title: \'unclosed\n\nText'), undefined);
	});
});

test('the object ends at its brace even when an HTML comment follows (acorn alone reads on)', () => {
	const meta = readMdxMeta('import a from \'./a\'\n\nexport const meta = {\n  title: \'T\',\n  image,\n}\n\n<!--excerpt-->\n\nText.\n');
	assert.equal(meta!.data['title'], 'T');
	assert.equal(meta!.body, 'import a from \'./a\'\n\n<!--excerpt-->\n\nText.\n');
});
