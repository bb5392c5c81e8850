import process from 'node:process';
import v8 from 'node:v8';

// Node majors whose V8 was checked to know the flag: an unknown flag would be printed as an error
// over the reader's screen, so a newer Node runs with V8's defaults until someone checks it.
const checkedMajors = new Set([20, 21, 22, 23, 24, 25]);

/**
 * V8 settings for rendering, which runs in one burst mostly before the JIT has warmed up. Without
 * TurboFan's inlining, optimised code arrives sooner: its compile jobs are smaller, and on a
 * two-core machine they compete with the work itself. On Node 20 a first render of a 1 MB post took
 * a median 345 ms instead of 416, and 295 instead of 340 in the warmed-up worker, with list and
 * pager keys as fast as before; Node 22 and 24 gain a little. Indexing a folder came out about 3%
 * slower, so it is set where rendering starts (the render worker, `read`), not at start-up. V8
 * flags are process-wide: once set, they hold for every thread.
 */
export function tuneEngine(): void {
	if (checkedMajors.has(Number(process.versions.node.split('.')[0]))) {
		v8.setFlagsFromString('--no-turbo-inlining');
	}
}
