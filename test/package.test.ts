import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

type PackResult = {unpackedSize: number; files: Array<{path: string}>};

// `npm test` builds first; scripts are skipped here so the listing is not mixed with build output.
const packed = (JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})) as PackResult[])[0]!;
const files = packed.files.map(file => file.path);

test('the package ships only the built CLI, the bundled posts, README, LICENSE and package.json', () => {
	const unexpected = files.filter(file => !/^(dist\/.+\.js|posts\/.+\.(md|markdown|mdx)|README\.md|LICENSE|package\.json)$/.test(file));
	assert.deepEqual(unexpected, []);
	for (const required of ['dist/cli.js', 'README.md', 'LICENSE', 'package.json', 'posts/getting-started.md']) {
		assert.ok(files.includes(required), `${required} is in the package`);
	}
});

test('the unpacked package without dependencies stays under 1 MB', () => {
	assert.ok(packed.unpackedSize < 1024 * 1024, `unpacked size is ${packed.unpackedSize} bytes`);
});

test('package.json declares what npx needs', () => {
	const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;
	assert.equal(manifest['type'], 'module');
	assert.deepEqual(manifest['bin'], {'blog-tui': 'dist/cli.js'});
	assert.match(String((manifest['engines'] as Record<string, string>)['node']), />=\s*20/);
	for (const field of ['description', 'repository', 'keywords', 'license']) {
		assert.ok(manifest[field], `${field} is set`);
	}

	assert.match(readFileSync(new URL('../dist/cli.js', import.meta.url), 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('every runtime dependency is imported by the CLI\'s sources', async () => {
	const {readdirSync, statSync} = await import('node:fs');
	const path = await import('node:path');
	const files: string[] = [];
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const file = path.join(folder, name);
			if (statSync(file).isDirectory()) {
				walk(file);
			} else if (/\.tsx?$/.test(name)) {
				files.push(readFileSync(file, 'utf8'));
			}
		}
	};

	walk(path.join(root, 'source'));
	const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {dependencies: Record<string, string>};
	for (const dependency of Object.keys(manifest.dependencies)) {
		const imported = new RegExp(String.raw`(?:from |import\()'${dependency.replaceAll('.', String.raw`\.`)}(?:/[^']*)?'`);
		assert.ok(files.some(text => imported.test(text)), `${dependency} is a dependency but nothing in source/ imports it`);
	}
});
