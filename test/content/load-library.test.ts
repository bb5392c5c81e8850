import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {loadLibrary} from '../../source/content/load-library.js';

const corpus = fileURLToPath(new URL('../fixtures/posts', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));
const temporary: string[] = [];
after(() => {
	for (const folder of temporary) {
		rmSync(folder, {recursive: true, force: true});
	}
});

/** A fresh folder holding `files` (path → content). */
function folderWith(files: Record<string, string | Uint8Array>): string {
	const root = mkdtempSync(path.join(tmpdir(), 'blog-tui-content-'));
	temporary.push(root);
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, name)), {recursive: true});
		writeFileSync(path.join(root, name), content);
	}

	return root;
}

const post = (title: string) => `---\ntitle: ${title}\n---\nBody of ${title}.\n`;

describe('loadLibrary: the root', () => {
	test('a root that does not exist throws a message the CLI can print', async () => {
		await assert.rejects(loadLibrary('./nope'), {message: './nope does not exist'});
	});

	test('a single file is read whatever its extension', async () => {
		const library = await loadLibrary(path.join(corpus, 'notes.txt'));
		assert.deepEqual(library.posts.map(item => [item.path, item.title]), [['notes.txt', 'Plain notes']]);
		assert.equal(library.root, corpus);
		assert.equal(library.label, path.join(corpus, 'notes.txt'));
	});

	test('txt files are read in a folder only when asked for', async () => {
		const root = folderWith({'a.md': post('A'), 'b.txt': post('B'), 'c.MARKDOWN': post('C'), 'd.mdx': post('D')});
		assert.deepEqual((await loadLibrary(root)).posts.map(item => item.title).sort(), ['A', 'C', 'D']);
		assert.deepEqual((await loadLibrary(root, {extensions: ['txt', '.md']})).posts.map(item => item.title).sort(), ['A', 'B']);
	});
});

describe('loadLibrary: discovery', () => {
	test('skips node_modules, .git and hidden folders, reads everything else recursively', async () => {
		const root = folderWith({
			'a.md': post('A'), 'deep/er/b.md': post('B'), 'node_modules/x/readme.md': post('X'), '.git/y.md': post('Y'),
			'.hidden/z.md': post('Z'), 'sub/node_modules/w.md': post('W'),
		});
		const library = await loadLibrary(root);
		assert.deepEqual(library.posts.map(item => item.path).sort(), ['a.md', 'deep/er/b.md']);
		assert.deepEqual(library.problems, []);
	});

	test('symlink loops and broken links are reported, links to read files are not read twice', async () => {
		const root = folderWith({'a.md': post('A'), 'sub/b.md': post('B')});
		symlinkSync(root, path.join(root, 'sub', 'loop'));
		symlinkSync(path.join(root, 'self.md'), path.join(root, 'self.md'));
		symlinkSync(path.join(root, 'missing.md'), path.join(root, 'broken.md'));
		symlinkSync(path.join(root, 'a.md'), path.join(root, 'z-alias.md'));
		const library = await loadLibrary(root);
		assert.deepEqual(library.posts.map(item => item.path).sort(), ['a.md', 'sub/b.md']);
		assert.deepEqual(library.problems.map(problem => [problem.path, problem.problem]), [
			['broken.md', 'broken link: its target does not exist'],
			['self.md', 'symlink loop'],
			['sub/loop', 'symlink loop: links back to a folder that contains it'],
		]);
	});

	test('confined (serve): links that leave the folder are reported and not read; links inside it still are', async () => {
		const outside = folderWith({'secret.md': post('Secret outside'), 'host_ed25519': 'PRIVATE KEY'});
		const root = folderWith({'a.md': post('A'), 'sub/b.md': post('B')});
		symlinkSync(path.join(outside, 'host_ed25519'), path.join(root, 'key.md'));
		symlinkSync(path.relative(root, path.join(outside, 'secret.md')), path.join(root, 'relative.md'));
		symlinkSync(outside, path.join(root, 'elsewhere'));
		// A link inside the folder that goes through another link to the outside.
		symlinkSync(path.join(root, 'elsewhere', 'secret.md'), path.join(root, 'chain.md'));
		symlinkSync(path.join(root, 'sub'), path.join(root, 'alias'));
		symlinkSync(path.join(root, 'sub', 'b.md'), path.join(root, 'sub', 'c.md'));
		const confined = await loadLibrary(root, {confine: true});
		assert.deepEqual(confined.posts.map(item => item.path).sort(), ['a.md', 'alias/b.md']);
		assert.deepEqual(confined.problems.map(problem => [problem.path, problem.problem]), [
			['chain.md', 'link leads outside the folder: not served'],
			['elsewhere', 'link leads outside the folder: not served'],
			['key.md', 'link leads outside the folder: not served'],
			['relative.md', 'link leads outside the folder: not served'],
		]);
		assert.ok(!JSON.stringify(confined).includes('PRIVATE KEY'));

		// The local browser keeps following links: the reader owns the machine.
		const followed = await loadLibrary(root);
		assert.ok(followed.posts.some(item => item.title === 'Secret outside'));
	});

	test('confined: a link to / and to /etc/passwd are refused without walking the disk', async () => {
		const root = folderWith({'a.md': post('A')});
		symlinkSync('/', path.join(root, 'everything'));
		symlinkSync('/etc/passwd', path.join(root, 'passwd.md'));
		const library = await loadLibrary(root, {confine: true});
		assert.deepEqual(library.posts.map(item => item.path), ['a.md']);
		assert.deepEqual(library.problems.map(problem => problem.path), ['everything', 'passwd.md']);
	});

	test('confined: a root given as a symlink is served from its target', async () => {
		const release = folderWith({'a.md': post('A')});
		const holder = folderWith({});
		symlinkSync(release, path.join(holder, 'current'));
		const library = await loadLibrary(path.join(holder, 'current'), {confine: true});
		assert.deepEqual(library.posts.map(item => item.title), ['A']);
		assert.deepEqual(library.problems, []);
	});

	test('an unreadable file and folder are problems, the rest is listed', async t => {
		const root = folderWith({'a.md': post('A'), 'secret.md': post('Secret'), 'locked/c.md': post('C')});
		chmodSync(root, 0o755);
		chmodSync(path.join(root, 'secret.md'), 0o000);
		chmodSync(path.join(root, 'locked'), 0o000);
		t.after(() => {
			chmodSync(path.join(root, 'locked'), 0o755);
		});
		let seen: unknown;
		if (process.getuid?.() === 0) {
			// Root reads everything: read as `nobody` instead (CI runs as root).
			const script = `import {loadLibrary} from ${JSON.stringify(new URL('../../source/content/load-library.ts', import.meta.url).href)};
				const library = await loadLibrary(${JSON.stringify(root)});
				console.log(JSON.stringify({posts: library.posts.map(item => item.path), problems: library.problems.map(problem => [problem.path, problem.problem])}));`;
			const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {uid: 65_534, gid: 65_534, cwd: repository, encoding: 'utf8'});
			if (child.status !== 0) {
				t.skip(`cannot run as nobody here: ${child.error?.message ?? child.stderr.split('\n')[0]}`);
				return;
			}

			seen = JSON.parse(child.stdout);
		} else {
			const library = await loadLibrary(root);
			seen = {posts: library.posts.map(item => item.path), problems: library.problems.map(problem => [problem.path, problem.problem])};
		}

		assert.deepEqual(seen, {posts: ['a.md'], problems: [['locked', 'permission denied'], ['secret.md', 'permission denied']]});
	});

	test('files over the size cap are problems: default 10 MB, configurable', async () => {
		const root = folderWith({'big.md': `---\ntitle: Big\n---\n${'word '.repeat(2_200_000)}`, 'small.md': 'x'.repeat(1536)});
		const library = await loadLibrary(root);
		assert.deepEqual(library.problems.map(problem => [problem.path, problem.problem]), [['big.md', 'too large: 10.5 MB (limit 10 MB)']]);
		const capped = await loadLibrary(root, {maxBytes: 1000});
		assert.deepEqual(capped.problems.map(problem => problem.problem), ['too large: 10.5 MB (limit 1000 bytes)', 'too large: 1.5 KB (limit 1000 bytes)']);
		assert.equal((await loadLibrary(root, {maxBytes: 20 * 1024 * 1024})).posts.find(item => item.title === 'Big')?.readingMinutes, 9565);
	});
});

describe('loadLibrary: progress, drafts, order', () => {
	test('progress is reported up to (total, total), in order', async () => {
		const files: Record<string, string> = {};
		for (let index = 0; index < 400; index++) {
			files[`p${index}.md`] = post(`Post ${index}`) + 'Some words here. '.repeat(300);
		}

		const root = folderWith(files);
		const calls: Array<[number, number]> = [];
		const library = await loadLibrary(root, {onProgress: (read, total) => calls.push([read, total])});
		assert.equal(library.posts.length, 400);
		assert.deepEqual(calls[0], [0, 400]);
		assert.deepEqual(calls.at(-1), [400, 400]);
		assert.ok(calls.every(([read, total], index) => total === 400 && (index === 0 || read > calls[index - 1]![0])));
	});

	test('drafts are listed and flagged unless includeDrafts is false', async () => {
		const root = folderWith({'a.md': post('A'), 'b.md': '---\ntitle: B\ndraft: "true"\n---\nx', '_drafts/c.md': post('C'), 'd.md': '---\ntitle: D\nstatus: draft\n---\nx'});
		assert.deepEqual((await loadLibrary(root)).posts.map(item => [item.title, item.draft]).sort(), [['A', false], ['B', true], ['C', true], ['D', true]]);
		assert.deepEqual((await loadLibrary(root, {includeDrafts: false})).posts.map(item => item.title), ['A']);
	});

	test('slugs: the slug field wins, collisions get -2, -3 in path order', async () => {
		const root = folderWith({
			'a/x.md': post('One'), 'b/x.md': post('Two'), 'c/x.md': post('Three'), 'd.md': '---\ntitle: Four\nslug: /custom path/\n---\nx', 'x-2.md': post('Five'),
		});
		const slugs = Object.fromEntries((await loadLibrary(root)).posts.map(item => [item.path, item.slug]));
		assert.deepEqual(slugs, {'a/x.md': 'x', 'b/x.md': 'x-3', 'c/x.md': 'x-4', 'd.md': 'custom-path', 'x-2.md': 'x-2'});
	});
});

describe('loadLibrary: hostile input', () => {
	test('3,000-deep nesting in YAML, TOML and JSON frontmatter is a problem, not a crash', async () => {
		const root = folderWith({
			'yaml.md': `---\ntitle: Deep YAML\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n---\nBody.`,
			'yaml-block.md': `---\ntitle: Deep block\n${Array.from({length: 3000}, (_, depth) => `${' '.repeat(depth)}k:`).join('\n')} 1\n---\nBody.`,
			'toml.md': `+++\ntitle = "Deep TOML"\nx = ${'['.repeat(3000)}${']'.repeat(3000)}\n+++\nBody.`,
			'json.md': `---json\n{"title": "Deep JSON", "x": ${'['.repeat(3000)}${']'.repeat(3000)}}\n---\nBody.`,
		});
		const library = await loadLibrary(root);
		assert.deepEqual(library.posts.map(item => item.path).sort(), ['json.md', 'toml.md', 'yaml-block.md', 'yaml.md']);
		assert.equal(library.posts.find(item => item.path === 'json.md')?.title, 'Deep JSON');
		assert.deepEqual(library.problems.map(problem => problem.path), ['toml.md', 'yaml-block.md', 'yaml.md']);
		assert.match(library.problems[0]!.problem, /^frontmatter: .*nested/);
		assert.match(library.problems[2]!.problem, /^frontmatter: nesting exceeded maxDepth \(100\) \(line \d+, column \d+\)$/);
		assert.equal(library.posts.find(item => item.path === 'yaml.md')?.title, 'Deep YAML', 'simple fields are recovered');
	});

	test('arbitrary bytes never make loadLibrary throw; each file is a post or a problem', async () => {
		let seed = 42;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		const pieces = ['---\n', '+++\n', ';;;\n', '---js\n', '{\n', '}\n', 'title: x\n', '# H\n', '```\n', '\r\n', '\uFEFF', 'Ã©', 'â€™', ': : :\n', '- [\n', '&a *a\n', '\\'];
		const files: Record<string, Uint8Array> = {};
		for (let index = 0; index < 300; index++) {
			const parts: Uint8Array[] = [];
			for (let part = 0; part < 1 + Math.floor(random() * 12); part++) {
				parts.push(random() < 0.5
					? new TextEncoder().encode(pieces[Math.floor(random() * pieces.length)]!)
					: Uint8Array.from({length: Math.floor(random() * 20)}, () => Math.floor(random() * 256)));
			}

			files[`f${index}.md`] = Buffer.concat(parts);
		}

		const library = await loadLibrary(folderWith(files));
		const seen = new Set([...library.posts.map(item => item.path), ...library.problems.filter(problem => !problem.slug).map(problem => problem.path)]);
		assert.equal(seen.size, 300);
		for (const item of library.posts) {
			assert.equal(typeof item.title, 'string');
			assert.ok(item.title.length > 0 && !/[\u0000-\u001F\u007F-\u009F]/.test(item.title), JSON.stringify(item.title));
			assert.ok(item.readingMinutes >= 1);
		}
	});

	test('an alias bomb under every field that accepts lists reads in bounded time', async () => {
		const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
		for (let level = 1; level < 9; level++) {
			levels.push(`l${level}: &l${level} [${Array.from({length: 9}, () => (level === 1 ? '*a' : `*l${level - 1}`)).join(',')}]`);
		}

		const bomb = `---\n${levels.join('\n')}\ntitle: *l8\nauthors: *l8\nauthor: *l8\ntags: *l8\nimages: *l8\ndate: *l8\ndescription: *l8\n---\nBody.`;
		const [item] = (await loadLibrary(folderWith({'bomb.md': bomb}))).posts;
		assert.deepEqual([item!.title, item!.author, item!.tags, item!.cover, item!.date, item!.description], ['Bomb', undefined, [], undefined, undefined, 'Body.']);
	});

	test('pathological bodies are still posts: megabyte lines of >, [, *, _ and thousands of headings', async () => {
		const root = folderWith({
			'quotes.md': '>'.repeat(4_000_000),
			'brackets.md': '['.repeat(2_000_000),
			'stars.md': '*a **a '.repeat(200_000),
			'collapsed.md': `${'word '.repeat(100)}${'a ## B c '.repeat(100_000)}`,
			'headings.md': 'Title\n===\n'.repeat(20_000),
			'dashes.md': `${'- '.repeat(2_000_000)}x`,
			'table.md': `a|b\n${'|-'.repeat(2_000_000)}`,
			'fields.md': `---\ntags: [${'a, '.repeat(100_000)}]\n---\nBody survives.`,
		});
		const library = await loadLibrary(root);
		assert.deepEqual(library.problems.map(problem => [problem.path, problem.problem]), [['fields.md', 'frontmatter: too large (293.0 KB, limit 128 KB): ignored']]);
		assert.equal(library.posts.find(item => item.path === 'fields.md')?.body, 'Body survives.');
		assert.deepEqual(library.posts.map(item => item.title).sort(), ['Brackets', 'Collapsed', 'Dashes', 'Fields', 'Quotes', 'Stars', 'Table', 'Title']);
		assert.equal(library.posts.find(item => item.path === 'headings.md')?.headings.length, 5000, 'the outline stops at 5,000');
	});

	test('control characters and bidi overrides never reach titles, tags or descriptions', async () => {
		const root = folderWith({'evil.md': '---\ntitle: "Evil\\e]0;pwned\\a title\\u202e"\ntags: ["a\\e[31m", "\\u009b6n"]\ndescription: "\\e]52;c;aGk=\\a desc"\nauthor: "\\eP1$q\\e\\\\ me"\n---\nBody.'});
		const [item] = (await loadLibrary(root)).posts;
		assert.deepEqual([item!.title, item!.tags, item!.description, item!.author], ['Evil]0;pwned title', ['a[31m', '6n'], ']52;c;aGk= desc', 'P1$q\\ me']);
	});
});
