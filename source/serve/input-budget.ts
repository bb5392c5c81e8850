/**
 * How many characters of keyboard input one session may have handled: `perSecond` on average, `burst`
 * at once (a paste). Beyond that input is dropped, so one reader flooding keys costs the server a
 * bounded amount of work and every other session stays responsive. Pure: the caller passes the time.
 */
export class InputBudget {
	readonly #perSecond: number;
	readonly #burst: number;
	#tokens: number;
	#at: number | undefined;

	constructor(perSecond: number, burst: number) {
		this.#perSecond = perSecond;
		this.#burst = burst;
		this.#tokens = burst;
	}

	/** How many characters of `length` arriving now may be handled (the rest are dropped). */
	take(length: number, now: number): number {
		if (this.#at !== undefined) {
			this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#at) * this.#perSecond / 1000));
		}

		this.#at = now;
		const taken = Math.min(length, Math.floor(this.#tokens));
		this.#tokens -= taken;
		return taken;
	}
}

// A key's escape sequence: CSI (arrows, function keys), SS3, or ESC and one character (Alt+key).
const wholeSequence = /^\u001B(?:\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]|O.|[^[O])/u;

/**
 * The first `length` characters of `text`, cut back so no key is split: not inside a surrogate pair,
 * and not inside an escape sequence near the end (a lone ESC would read as the Escape key).
 */
export function cutInput(text: string, length: number): string {
	if (length >= text.length) {
		return text;
	}

	let end = length;
	if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) {
		end--;
	}

	const escape = text.lastIndexOf('\u001B', end - 1);
	if (escape !== -1 && !wholeSequence.test(text.slice(escape, end))) {
		end = escape;
	}

	return text.slice(0, end);
}
