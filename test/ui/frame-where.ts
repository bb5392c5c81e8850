import {setTimeout as delay} from 'node:timers/promises';

/** Polls the last frame until `predicate` holds, so a loaded machine only makes a test slower. */
export async function frameWhere(app: {lastFrame: () => string | undefined}, predicate: (frame: string) => boolean, what: string): Promise<string> {
	const deadline = Date.now() + 5000;
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
