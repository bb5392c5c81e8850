import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const source = fileURLToPath(new URL('../source', import.meta.url));

function filesUnder(folder: string): string[] {
	return readdirSync(folder, {withFileTypes: true, recursive: true})
		.filter(entry => entry.isFile() && /\.tsx?$/.test(entry.name))
		.map(entry => path.join(entry.parentPath, entry.name));
}

/** Every module specifier a file imports, statically or dynamically. */
export function importsOf(code: string): string[] {
	const specifiers: string[] = [];
	const pattern = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
	for (const match of code.matchAll(pattern)) {
		specifiers.push(match[1] ?? match[2] ?? match[3]!);
	}

	return specifiers;
}

function violations(layer: string, forbidden: (specifier: string, resolved: string) => boolean): string[] {
	const found: string[] = [];
	for (const file of filesUnder(path.join(source, layer))) {
		for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
			const resolved = specifier.startsWith('.') ? path.relative(source, path.resolve(path.dirname(file), specifier)) : specifier;
			if (forbidden(specifier, resolved)) {
				found.push(`${path.relative(source, file)} imports ${specifier}`);
			}
		}
	}

	return found;
}

const isUiOrReact = (specifier: string, resolved: string) =>
	resolved.startsWith(`ui${path.sep}`) || /^(ink|react|ink-[\w-]+|@inkjs\/.*)$/.test(specifier) || specifier.startsWith('react/');

test('the import scanner sees static, side-effect, re-export and dynamic imports', () => {
	const code = `import {a} from './a.js';\nimport './b.js';\nexport {c} from "../ui/c.js";\nconst d = await import('ink');\nimport type {E} from 'react';`;
	assert.deepEqual(importsOf(code), ['./a.js', './b.js', '../ui/c.js', 'ink', 'react']);
});

test('content/ never imports ui/, ink or react', () => {
	assert.deepEqual(violations('content', isUiOrReact), []);
});

test('render/ never imports ui/, ink or react', () => {
	assert.deepEqual(violations('render', isUiOrReact), []);
});

test('render/ is pure Markdown to lines: no Node modules (workers, the engine, files, the process live in worker/)', () => {
	assert.deepEqual(violations('render', (specifier, resolved) => specifier.startsWith('node:') || resolved.startsWith(`worker${path.sep}`)), []);
});

test('worker/ never imports ui/, ink or react', () => {
	assert.deepEqual(violations('worker', isUiOrReact), []);
});

test('ui/ does no file I/O and no Markdown parsing', () => {
	const forbidden = (specifier: string) => /^(node:)?(fs|fs\/promises)$/.test(specifier) || /^(marked|marked-terminal|gray-matter)$/.test(specifier);
	assert.deepEqual(violations('ui', forbidden), []);
});

test('serve/ never imports cli/ (what both need lives in terminal/)', () => {
	assert.deepEqual(violations('serve', (_specifier, resolved) => resolved.startsWith(`cli${path.sep}`)), []);
});

test('sources/ (the web) never imports ui/, ink or react', () => {
	assert.deepEqual(violations('sources', isUiOrReact), []);
});
