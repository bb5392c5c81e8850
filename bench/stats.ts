export function sorted(values: readonly number[]): number[] {
	return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
	const ordered = sorted(values);
	if (ordered.length === 0) {
		return Number.NaN;
	}

	const middle = Math.floor(ordered.length / 2);
	return ordered.length % 2 === 1 ? ordered[middle]! : (ordered[middle - 1]! + ordered[middle]!) / 2;
}

/** Nearest-rank percentile: the smallest value with at least `p`% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number {
	const ordered = sorted(values);
	if (ordered.length === 0) {
		return Number.NaN;
	}

	return ordered[Math.min(ordered.length - 1, Math.max(0, Math.ceil((p / 100) * ordered.length) - 1))]!;
}

export function formatMs(ms: number): string {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) {
		return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
	}

	return Math.abs(bytes) >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${Math.round(bytes)} B`;
}
