/** Lines of one kind held back over an interval that is over. */
export type HeldLines = {kind: string; held: number};

/**
 * Keeps a flood of alike log lines (every refused connection of an attack) from filling the log: the
 * first `burst` lines of a kind per interval are written, the rest are counted and summed up once
 * that interval is over. Pure: the caller passes the time and writes what it is told to.
 */
export class LogThrottle {
	readonly #intervalMs: number;
	readonly #burst: number;
	readonly #kinds = new Map<string, {since: number; written: number; held: number}>();

	constructor(intervalMs: number, burst: number) {
		this.#intervalMs = intervalMs;
		this.#burst = burst;
	}

	get intervalMs(): number {
		return this.#intervalMs;
	}

	/**
	 * Whether a line of this kind may be written now, and how many were held back in its interval if
	 * that is over (to be summed up before this line).
	 */
	admit(kind: string, now: number): {write: boolean; held: number} {
		let entry = this.#kinds.get(kind);
		let held = 0;
		if (entry && now - entry.since >= this.#intervalMs) {
			held = entry.held;
			entry = undefined;
		}

		if (!entry) {
			entry = {since: now, written: 0, held: 0};
			this.#kinds.set(kind, entry);
		}

		if (entry.written < this.#burst) {
			entry.written++;
			return {write: true, held};
		}

		entry.held++;
		return {write: false, held};
	}

	/** Kinds whose interval is over with lines held back (each reported once), for a periodic summary. */
	due(now: number): HeldLines[] {
		const over: HeldLines[] = [];
		for (const [kind, entry] of this.#kinds) {
			if (now - entry.since >= this.#intervalMs) {
				if (entry.held > 0) {
					over.push({kind, held: entry.held});
				}

				this.#kinds.delete(kind);
			}
		}

		return over;
	}
}
