/**
 * The one place the CLI's esbuild settings live: `npm run build` runs this file, and the bench bundles
 * its measuring child with the same settings (`shippedOptions`), so the two cannot drift apart.
 */
import {rmSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {build, type BuildOptions} from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The worker's entry: the article loader looks for `render-worker.js` beside the CLI's entry. */
export const renderWorkerEntry = path.join(root, 'source', 'worker', 'render-worker.ts');

/**
 * How the CLI is bundled: one ESM program for Node 20, production React, regex literals kept as they
 * are (cheaper to create), yoga's wasm decoded without fetch, and `require` available to the
 * CommonJS dependencies bundled in.
 */
export const shippedOptions = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	chunkNames: 'chunks/[name]-[hash]',
	external: ['react-devtools-core'],
	define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
	supported: {'regexp-set-notation': true},
	banner: {js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);'},
	logLevel: 'warning',
} satisfies BuildOptions;

/**
 * Loaded from node_modules at run time rather than bundled: marked, highlight.js and node-emoji only in
 * the render worker and `read`, ssh2 only for `serve` (its optional native parts cannot be bundled);
 * iconv-lite (its code-page tables load on first use, only for a post that looks misdecoded) and acorn
 * (only for MDX metadata), turndown and fast-xml-parser (only for web sources) would add 0.9 MB to
 * the package for what few readers need.
 */
export const loadedAtRunTime = ['marked', 'highlight.js', 'node-emoji', 'ssh2', 'iconv-lite', 'acorn', 'turndown', 'fast-xml-parser'];

/** `minify: false` keeps function names, for CPU profiles of the whole CLI. */
export async function buildCli(outdir = path.join(root, 'dist'), {minify = true} = {}): Promise<void> {
	rmSync(outdir, {recursive: true, force: true});
	await build({
		...shippedOptions,
		entryPoints: {cli: path.join(root, 'source', 'cli.tsx'), 'render-worker': renderWorkerEntry},
		external: [...shippedOptions.external, ...loadedAtRunTime],
		outdir,
		minify,
	});
}

// `node --import tsx .ci/build.ts [outdir] [--no-minify]`; npm run build gives dist/, minified.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const [outdir] = process.argv.slice(2).filter(argument => !argument.startsWith('--'));
	await buildCli(outdir ? path.resolve(outdir) : undefined, {minify: !process.argv.includes('--no-minify')});
}
