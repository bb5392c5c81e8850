// Preloaded with `node --import` in one start-up run: appends every module the process loads (ESM and
// CommonJS) to the file named by BENCH_LOAD_LOG, so the harness can tell what was loaded before the first frame.
import {appendFileSync} from 'node:fs';
import Module, {register} from 'node:module';

const log = process.env.BENCH_LOAD_LOG;
if (log) {
	const hooks = `
		import {appendFileSync} from 'node:fs';
		export async function resolve(specifier, context, next) {
			const result = await next(specifier, context);
			appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
			return result;
		}`;
	register(`data:text/javascript,${encodeURIComponent(hooks)}`);
	const load = Module._load;
	Module._load = function (request, ...rest) {
		appendFileSync(log, `require:${request}\n`);
		return load.call(this, request, ...rest);
	};
}
