import type {RenderedArticle} from '../../render/article.js';

/** One occurrence of the search term: `plain[line].slice(from, to)`. */
export type Match = {line: number; from: number; to: number};

// A one-letter term in a 1 MB post would otherwise hold hundreds of thousands of matches.
export const maxMatches = 10_000;

const cache = new WeakMap<RenderedArticle, Map<string, Match[]>>();

/** Lower-case terms match any case; a capital letter in the term makes the search exact (as in less and vim). */
function caseSensitive(term: string): boolean {
	return term !== term.toLowerCase();
}

function findMatches(lines: string[], term: string): Match[] {
	const exact = caseSensitive(term);
	const needle = exact ? term : term.toLowerCase();
	const matches: Match[] = [];
	for (const [line, text] of lines.entries()) {
		const haystack = exact ? text : text.toLowerCase();
		for (let from = haystack.indexOf(needle); from !== -1; from = haystack.indexOf(needle, from + needle.length)) {
			matches.push({line, from, to: from + needle.length});
			if (matches.length >= maxMatches) {
				return matches;
			}
		}
	}

	return matches;
}

/** Every match of `term` in the article's text, in reading order; worked out once per article and term. */
export function matchesIn(article: RenderedArticle, term: string): Match[] {
	if (term === '') {
		return [];
	}

	let byTerm = cache.get(article);
	if (!byTerm) {
		byTerm = new Map();
		cache.set(article, byTerm);
	}

	let matches = byTerm.get(term);
	if (!matches) {
		matches = findMatches(article.plain ?? article.lines, term);
		byTerm.set(term, matches);
	}

	return matches;
}

/** The first match on or after `line`, wrapping to the first match; -1 when there is none. */
export function firstMatchFrom(matches: Match[], line: number): number {
	if (matches.length === 0) {
		return -1;
	}

	const index = matches.findIndex(match => match.line >= line);
	return index === -1 ? 0 : index;
}
