import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {renderWorkerEntry, shippedOptions} from '../.ci/build.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the measuring child the way the CLI is shipped, but fully self-contained (it runs from a
 * temporary folder) and not minified, so profiles name functions.
 */
export async function bundleChild(outdir: string): Promise<string> {
	await build({
		...shippedOptions,
		// The render worker sits next to the child, where the article loader looks for it.
		entryPoints: {child: path.join(here, 'child.tsx'), 'render-worker': renderWorkerEntry},
		outdir,
	});
	return path.join(outdir, 'child.js');
}
