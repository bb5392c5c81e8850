/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
			current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
		}

		previous = current;
	}

	return previous[b.length]!;
}

/**
 * The candidate a person most likely meant by `query`, or undefined when none is close. A candidate
 * that contains what was typed (at least three letters: `micro` → `microservices`) beats one a few edits away (`macro`);
 * among equals, the fewest edits, then the shorter, then the first given.
 */
export function closestMatch(query: string, candidates: readonly string[]): string | undefined {
	const wanted = query.toLowerCase();
	if (wanted === '') {
		return undefined;
	}

	let best: {candidate: string; contains: boolean; distance: number} | undefined;
	for (const candidate of candidates) {
		const lower = candidate.toLowerCase();
		const contains = wanted.length >= 3 && lower.includes(wanted);
		const distance = editDistance(wanted, lower);
		// Beyond a third of the longer word changed, a suggestion is more confusing than helpful.
		if (!contains && distance > Math.max(2, Math.floor(Math.max(wanted.length, lower.length) / 3))) {
			continue;
		}

		if (!best
			|| (contains && !best.contains)
			|| (contains === best.contains && (distance < best.distance || (distance === best.distance && candidate.length < best.candidate.length)))) {
			best = {candidate, contains, distance};
		}
	}

	return best?.candidate;
}
