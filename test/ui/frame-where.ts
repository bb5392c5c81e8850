import {setTimeout as delay} from 'node:timers/promises';

/**
 * Polls the last frame until `predicate` holds, so a loaded machine only makes a test slower.
 * `bound` is generous on purpose: it only decides how long a real failure takes to report.
 */
export async function frameWhere(app: {lastFrame: () => string | undefined}, predicate: (frame: string) => boolean, what: string, bound = 5000): Promise<string> {
	const deadline = Date.now() + bound;
	let frame = '';
	while (Date.now() < deadline) {
		frame = app.lastFrame() ?? '';
		if (predicate(frame)) {
			return frame;
		}

		await delay(15);
	}

	throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
}
