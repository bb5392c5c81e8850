import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the measuring child the way the CLI is shipped (production React, one file), fully
 * self-contained so it runs from a temporary folder.
 */
export async function bundleChild(outdir: string): Promise<string> {
	await build({
		// The render worker sits next to the child, where the article loader looks for it.
		entryPoints: {child: path.join(here, 'child.tsx'), 'render-worker': path.join(here, '..', 'source', 'worker', 'render-worker.ts')},
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outdir,
		external: ['react-devtools-core'],
		// As in package.json's build (production React, regex literals kept as they are cheaper to create, yoga's
		// wasm decoded without fetch) but not minified, so profiles name functions.
		define: {'process.env.NODE_ENV': '"production"', fetch: 'undefined'},
		supported: {'regexp-set-notation': true},
		banner: {js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);'},
		logLevel: 'warning',
	});
	return path.join(outdir, 'child.js');
}
