import net from 'node:net';

/** The 16-bit groups of an IPv6 address, `::` and a dotted IPv4 tail expanded. */
function ipv6Groups(address: string): number[] | undefined {
	const [head = '', tail] = address.split('::');
	const words = (part: string): number[] => {
		if (part === '') {
			return [];
		}

		return part.split(':').flatMap(word => {
			if (word.includes('.')) {
				const [a = 0, b = 0, c = 0, d = 0] = word.split('.').map(Number);
				return [(a << 8) | b, (c << 8) | d];
			}

			return [Number.parseInt(word, 16)];
		});
	};

	const front = words(head);
	const back = tail === undefined ? [] : words(tail);
	const gap = 8 - front.length - back.length;
	return gap < 0 ? undefined : [...front, ...Array.from({length: tail === undefined ? 0 : gap}, () => 0), ...back];
}

/**
 * The network a connection's address stands for in per-address caps. One IPv6 subscriber is
 * usually given a whole /64 (2^64 addresses), so capping each address would cap nothing: an
 * attacker could open each silent connection from a new one. IPv4 addresses, and IPv4 reached
 * through IPv6 (`::ffff:a.b.c.d`), count one by one.
 */
export function clientNetwork(address: string): string {
	const bare = address.replace(/%.*$/u, '');
	if (!net.isIPv6(bare)) {
		return address;
	}

	const groups = ipv6Groups(bare);
	if (!groups || groups.length !== 8) {
		return address;
	}

	if (groups.slice(0, 5).every(word => word === 0) && groups[5] === 0xFF_FF) {
		const [high = 0, low = 0] = groups.slice(6);
		return [high >> 8, high & 0xFF, low >> 8, low & 0xFF].join('.');
	}

	return `${groups.slice(0, 4).map(word => word.toString(16)).join(':')}::/64`;
}
