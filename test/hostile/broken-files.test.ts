import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {loadLibrary} from '../../source/content/load-library.js';
import type {Library} from '../../source/content/post.js';

const marker = '__blogTuiHostileRan';
const code = `globalThis.${marker} = true; ({title: "ran"})`;
const deep = (depth: number) => `${'a:\n'.split('\n')[0]}${Array.from({length: depth}, (_, index) => `${' '.repeat(index)}k:`).join('\n')} 1`;

/** File name → contents, and whether a reader should see it as a post. */
const corpus: Record<string, {content: string | Uint8Array; listed: boolean}> = {
	'js-frontmatter.md': {content: `---js\n${code}\n---\nBody of the js post.\n`, listed: true},
	'javascript-frontmatter.md': {content: `---javascript\n${code}\n---\nBody of the javascript post.\n`, listed: true},
	'yaml-alias-bomb.md': {content: `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntags: *g\ntitle: Alias bomb\n---\nBody.\n`, listed: true},
	// Merge keys over mappings that are themselves alias bombs: each level merges the one before and repeats it nine times.
	'yaml-merge-bomb.md': {content: `---\na: &a {k: [x, x, x, x, x, x, x, x, x]}\nb: &b {<<: *a, l: [*a, *a, *a, *a, *a, *a, *a, *a, *a]}\nc: &c {<<: *b, m: [*b, *b, *b, *b, *b, *b, *b, *b, *b]}\nd: &d {<<: *c, n: [*c, *c, *c, *c, *c, *c, *c, *c, *c]}\ne: &e {<<: *d, o: [*d, *d, *d, *d, *d, *d, *d, *d, *d]}\nf: &f {<<: *e, p: [*e, *e, *e, *e, *e, *e, *e, *e, *e]}\ng: &g {<<: *f, q: [*f, *f, *f, *f, *f, *f, *f, *f, *f]}\n<<: *g\ntags: *g\ntitle: Merge bomb\n---\nBody.\n`, listed: true},
	'yaml-merge.md': {content: '---\nbase: &base {title: Merged title, tags: [a]}\n<<: *base\n---\nBody of the merge post.\n', listed: true},
	'proto-keys.md': {content: '---\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\ntitle: Proto keys\n---\nBody.\n', listed: true},
	'proto-json.md': {content: '---json\n{"__proto__": {"polluted": true}, "title": "Proto JSON"}\n---\nBody.\n', listed: true},
	'deep-nesting.md': {content: `---\n${deep(3000)}\ntitle: Deep\n---\nBody of the deep post.\n`, listed: true},
	'deep-flow-nesting.md': {content: `---\ntitle: Flow\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n---\nBody.\n`, listed: true},
	'missing-closing-fence.md': {content: '---\ntitle: Never closed\n\nThe body starts here and the fence never closes.\n', listed: true},
	'non-object-frontmatter.md': {content: '---\n- just\n- a list\n---\nBody of a list-frontmatter post.\n', listed: true},
	'scalar-frontmatter.md': {content: '---\n42\n---\nBody.\n', listed: true},
	'binary.md': {content: new Uint8Array([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), listed: false},
	'utf16.md': {content: Uint8Array.from([0xFF, 0xFE, ...[...'# UTF-16 post\n\nBody.\n'].flatMap(c => [c.charCodeAt(0), 0])]), listed: true},
	'invalid-utf8.md': {content: Uint8Array.from([...new TextEncoder().encode('# Caf'), 0xE9, ...new TextEncoder().encode('\n\nBody.\n')]), listed: true},
	'crlf.md': {content: '---\r\ntitle: CRLF post\r\n---\r\n\r\nBody.\r\n', listed: true},
	'empty.md': {content: '', listed: false},
	'frontmatter-only.md': {content: '---\ntitle: Only frontmatter\n---\n', listed: true},
	'pathological-nesting.md': {content: `${'> '.repeat(2000)}deep quote\n\n${'- '.repeat(1000)}deep list\n\n${'*'.repeat(5000)}a${'*'.repeat(5000)}\n\n${'['.repeat(5000)}\n`, listed: true},
	'redos-underscores.md': {content: `${'__a'.repeat(3000)}\n`, listed: true},
};

let folder: string;
let library: Library;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

before(async () => {
	folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-broken-'));
	for (const [name, {content}] of Object.entries(corpus)) {
		writeFileSync(path.join(folder, name), content);
	}

	writeFileSync(path.join(folder, 'unreadable.md'), '# Locked\n');
	chmodSync(path.join(folder, 'unreadable.md'), 0o000);
	mkdirSync(path.join(folder, 'loop'));
	symlinkSync('..', path.join(folder, 'loop', 'up'));
	symlinkSync('nowhere.md', path.join(folder, 'broken-link.md'));
	mkdirSync(path.join(folder, 'folder.md'));
	writeFileSync(path.join(folder, 'folder.md', 'inside.md'), '# Inside a folder named like a post\n');
	writeFileSync(path.join(folder, 'huge.md'), Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
	library = await loadLibrary(folder);
});

after(() => {
	chmodSync(path.join(folder, 'unreadable.md'), 0o644);
	rmSync(folder, {recursive: true, force: true});
});

test('no frontmatter code ran and Object.prototype is unchanged', () => {
	assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
	assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeKeys);
	assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('every readable file is listed as a post', () => {
	const listed = new Set(library.posts.map(post => post.path));
	for (const [name, {listed: expected}] of Object.entries(corpus)) {
		assert.equal(listed.has(name), expected, `${name} ${expected ? 'should' : 'should not'} be a post`);
	}

	assert.ok(listed.has('folder.md/inside.md'), 'a folder named like a post is walked, not read');
});

test('every file that is not a post is a problem with a reason', () => {
	const problems = new Map(library.problems.map(problem => [problem.path, problem.problem]));
	for (const [name, {listed}] of Object.entries(corpus)) {
		if (!listed) {
			assert.ok(problems.get(name), `${name} needs a problem row`);
		}
	}

	for (const name of ['huge.md', 'broken-link.md']) {
		assert.ok(problems.get(name), `${name} needs a problem row`);
	}

	if (process.getuid?.() !== 0) {
		assert.ok(problems.get('unreadable.md'), 'unreadable.md needs a problem row');
	}

	assert.ok([...problems.keys()].some(name => name.startsWith('loop')), 'the symlink loop is reported');
	for (const [name, reason] of problems) {
		assert.doesNotMatch(reason, /\n/, `${name}: a reason is one line`);
		assert.ok(reason.length < 200, `${name}: a reason is short`);
	}
});

test('the js frontmatter posts are listed with a warning instead of running', () => {
	for (const name of ['js-frontmatter.md', 'javascript-frontmatter.md']) {
		const post = library.posts.find(candidate => candidate.path === name)!;
		assert.notEqual(post.title, 'ran');
		assert.ok(post.warnings.length > 0 || library.problems.some(problem => problem.path === name), `${name} is flagged`);
	}
});
