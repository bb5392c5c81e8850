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
		entryPoints: [path.join(here, 'child.tsx')],
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outdir,
		external: ['react-devtools-core'],
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: 'import{createRequire as __cr}from"node:module";const require=__cr(import.meta.url);'},
		logLevel: 'warning',
	});
	return path.join(outdir, 'child.js');
}
