/** GitHub-style anchor ids for headings the post's outline does not name, unique per article. */
export function createSlugger(): (text: string) => string {
	const seen = new Map<string, number>();
	return text => {
		const base = text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replaceAll(' ', '-') || 'section';
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		return count === 0 ? base : `${base}-${count}`;
	};
}
