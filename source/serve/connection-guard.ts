/** How many TCP connections the server holds, in all and before authentication. */
export type ConnectionCaps = {
	/** Every connection, authenticated or not. */
	maxConnections: number;
	/** Connections from one address, authenticated or not. */
	maxConnectionsPerIp: number;
	/** Connections that have not authenticated yet, from all addresses. */
	maxPreAuth: number;
	/** Connections that have not authenticated yet, from one address. */
	maxPreAuthPerIp: number;
	/**
	 * The last this-many pre-auth places go only to an address with no unauthenticated connection open,
	 * so a few addresses that fill their own share cannot take every place from everyone else.
	 */
	reservedPreAuth: number;
};

/** Caps that follow from the session caps: room for each session plus its handshake, and a few more. */
export function connectionCaps(maxSessions: number, maxPerIp: number): ConnectionCaps {
	const maxPreAuth = maxSessions + 10;
	return {
		maxConnections: (maxSessions * 2) + 10,
		maxConnectionsPerIp: maxPerIp + 10,
		maxPreAuth,
		maxPreAuthPerIp: 10,
		reservedPreAuth: Math.max(2, Math.floor(maxPreAuth / 4)),
	};
}

/** One admitted connection: tell the guard when it authenticates and when it closes (each once). */
export type ConnectionTicket = {authenticated: () => void; closed: () => void};

export type ConnectionVerdict = {admitted: true; ticket: ConnectionTicket} | {admitted: false; reason: string};

function bump(counts: Map<string, number>, ip: string, by: number): void {
	const next = (counts.get(ip) ?? 0) + by;
	if (next <= 0) {
		counts.delete(ip);
	} else {
		counts.set(ip, next);
	}
}

/**
 * Bookkeeping of open connections for the caps above: whether the next one from an address may in,
 * and why not. Pure counting: the server holds the sockets and timers.
 */
export class ConnectionGuard {
	readonly #caps: ConnectionCaps;
	readonly #all = new Map<string, number>();
	readonly #preAuth = new Map<string, number>();
	#total = 0;
	#preAuthTotal = 0;

	constructor(caps: ConnectionCaps) {
		this.#caps = caps;
	}

	get connections(): number {
		return this.#total;
	}

	get unauthenticated(): number {
		return this.#preAuthTotal;
	}

	admit(ip: string): ConnectionVerdict {
		const caps = this.#caps;
		const waiting = this.#preAuth.get(ip) ?? 0;
		if (this.#total >= caps.maxConnections) {
			return {admitted: false, reason: 'too many connections'};
		}

		if ((this.#all.get(ip) ?? 0) >= caps.maxConnectionsPerIp) {
			return {admitted: false, reason: 'too many connections from this address'};
		}

		if (waiting >= caps.maxPreAuthPerIp) {
			return {admitted: false, reason: 'too many unauthenticated connections from this address'};
		}

		if (this.#preAuthTotal >= caps.maxPreAuth || (waiting > 0 && this.#preAuthTotal >= caps.maxPreAuth - caps.reservedPreAuth)) {
			return {admitted: false, reason: 'too many unauthenticated connections'};
		}

		this.#total++;
		this.#preAuthTotal++;
		bump(this.#all, ip, 1);
		bump(this.#preAuth, ip, 1);
		let preAuth = true;
		let open = true;
		const leavePreAuth = () => {
			if (preAuth) {
				preAuth = false;
				this.#preAuthTotal--;
				bump(this.#preAuth, ip, -1);
			}
		};

		return {
			admitted: true,
			ticket: {
				authenticated: leavePreAuth,
				closed: () => {
					if (open) {
						open = false;
						leavePreAuth();
						this.#total--;
						bump(this.#all, ip, -1);
					}
				},
			},
		};
	}
}
