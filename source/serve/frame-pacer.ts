/**
 * Shares the server's time among sessions' frames. Ink lays a frame out cell by cell: 1000×500 takes
 * about 1.4 s of the one thread every session runs on, so five readers with screens that size (the
 * largest a client may ask for) kept the server drawing and a newcomer waited 12 s for the list.
 * Small frames go at once; a big one waits for its turn, and after it the next big frame of any
 * session waits until big frames have taken no more than `share` of the time. The keys a session
 * gets meanwhile are handed over together at its turn (one frame for all of them, none dropped).
 */
export class FramePacer {
	readonly #share: number;
	readonly #smallMs: number;
	readonly #now: () => number;
	// What a cell costs, learnt from every frame drawn: a first estimate before any has been.
	#msPerCell = 0.003;
	#bigFreeAt = Number.NEGATIVE_INFINITY;
	// Below this a screen is never held, and its frames teach nothing about cells: their time is
	// mostly what every frame costs (and a pause for garbage collection there made a newcomer's
	// 100×30 look big, so it waited behind the floods it was meant to get past).
	static readonly smallScreen = 10_000;

	/**
	 * `share`: the part of the time big frames may take together (0–1); `smallMs`: frames expected to
	 * take less than this are never held.
	 */
	constructor({share, smallMs}: {share: number; smallMs: number}, now: () => number = () => performance.now()) {
		this.#share = share;
		this.#smallMs = smallMs;
		this.#now = now;
	}

	/** Milliseconds until a frame of `cells` cells may be started; 0 for now. */
	waitFor(cells: number): number {
		return cells < FramePacer.smallScreen || cells * this.#msPerCell < this.#smallMs ? 0 : Math.max(0, this.#bigFreeAt - this.#now());
	}

	/** A frame of `cells` cells took `ms` to lay out. */
	drawn(cells: number, ms: number): void {
		if (cells >= FramePacer.smallScreen) {
			this.#msPerCell = (this.#msPerCell * 0.75) + (ms / cells * 0.25);
		}

		if (ms >= this.#smallMs) {
			this.#bigFreeAt = Math.max(this.#bigFreeAt, this.#now()) + (ms * ((1 / this.#share) - 1));
		}
	}

	/** A big frame is about to be drawn now (its cost is known only after): later big ones wait behind it. */
	starting(cells: number): void {
		const expected = cells * this.#msPerCell;
		if (expected >= this.#smallMs) {
			this.#bigFreeAt = Math.max(this.#bigFreeAt, this.#now()) + expected;
		}
	}
}
