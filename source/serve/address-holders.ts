/**
 * For the cluster primary: which worker holds the open connections from each client address, and
 * how many, so the next connection from that address goes to the same worker (whose per-IP cap then
 * counts all of them).
 */
export class AddressHolders<Holder> {
	readonly #held = new Map<string, {holder: Holder; count: number}>();

	/** The worker holding connections from `ip`, if any is open. */
	holder(ip: string): Holder | undefined {
		return this.#held.get(ip)?.holder;
	}

	/** One more connection from `ip`, given to `holder`. */
	hold(ip: string, holder: Holder): void {
		const entry = this.#held.get(ip);
		if (entry?.holder === holder) {
			entry.count++;
		} else {
			this.#held.set(ip, {holder, count: 1});
		}
	}

	/** A connection from `ip` that `holder` had is closed. */
	release(ip: string, holder: Holder): void {
		const entry = this.#held.get(ip);
		if (entry?.holder !== holder) {
			return;
		}

		entry.count--;
		if (entry.count <= 0) {
			this.#held.delete(ip);
		}
	}

	/** `holder` is gone (a worker that exited), with every connection it had. */
	forget(holder: Holder): void {
		for (const [ip, entry] of this.#held) {
			if (entry.holder === holder) {
				this.#held.delete(ip);
			}
		}
	}
}
