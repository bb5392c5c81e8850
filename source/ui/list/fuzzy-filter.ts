import type {Post, Problem} from '../../content/post.js';
import {fold, matchWord} from './fuzzy-score.js';

/** Which characters matched the filter, per field, as UTF-16 indexes into that field. */
export type PostMatch = {title: readonly number[]; tags: ReadonlyMap<string, readonly number[]>; description: readonly number[]};

/** A post that matched: how well (higher first) and the words, for highlighting the rows drawn. */
export type PostHit = {post: Post; score: number; words: readonly string[]};

// A match in the title outranks any in a tag, which outranks any in the description.
const titleWeight = 1000;
const tagWeight = 30;
const descriptionWeight = 1;
const leastQuality = 0.05;
// Words past this are not matched: a pasted page must not cost a pass over every post per word.
const mostWords = 8;

type Folded = {title: string; tags: string[]; description: string};

const foldedPosts = new WeakMap<Post, Folded>();

function folded(post: Post): Folded {
	let value = foldedPosts.get(post);
	if (!value) {
		value = {title: fold(post.title), tags: post.tags.map(tag => fold(tag)), description: fold(post.description)};
		foldedPosts.set(post, value);
	}

	return value;
}

/** Prepares posts for matching ahead of the first keystroke (work done while the reader looks). */
export function prepareForFilter(posts: readonly Post[]): void {
	for (const post of posts) {
		folded(post);
	}
}

function ascending(indexes: Iterable<number>): number[] {
	return [...new Set(indexes)].sort((a, b) => a - b);
}

function indexesOf(words: readonly string[], text: string, foldedText: string): number[] {
	return ascending(words.flatMap(word => matchWord(word, text, foldedText)?.indexes ?? []));
}

const matches = new WeakMap<PostHit, PostMatch>();

/** The characters to highlight for a hit: every field each word matches, not only the one that ranked it. */
export function postMatch(hit: PostHit): PostMatch {
	let match = matches.get(hit);
	if (!match) {
		const {post, words} = hit;
		const fields = folded(post);
		const tags = new Map<string, number[]>();
		for (const [index, tag] of post.tags.entries()) {
			const inTag = indexesOf(words, tag, fields.tags[index]!);
			if (inTag.length > 0) {
				tags.set(tag, inTag);
			}
		}

		match = {title: indexesOf(words, post.title, fields.title), tags, description: indexesOf(words, post.description, fields.description)};
		matches.set(hit, match);
	}

	return match;
}

/** The word's best score in the post: any title match beats any tag match, which beats any in the description. */
function bestField(word: string, post: Post, fields: Folded): number | undefined {
	const title = matchWord(word, post.title, fields.title);
	if (title) {
		return titleWeight * Math.max(leastQuality, title.quality);
	}

	let tag = 0;
	for (const [index, name] of post.tags.entries()) {
		tag = Math.max(tag, matchWord(word, name, fields.tags[index])?.quality ?? 0);
	}

	if (tag > 0) {
		return tagWeight * Math.max(leastQuality, tag);
	}

	const description = matchWord(word, post.description, fields.description);
	return description && descriptionWeight * Math.max(leastQuality, description.quality);
}

function scoreOf(post: Post, words: readonly string[]): number | undefined {
	const fields = folded(post);
	let score = 0;
	for (const word of words) {
		const best = bestField(word, post, fields);
		if (best === undefined) {
			return undefined;
		}

		score += best;
	}

	return score;
}

function queryWords(query: string): string[] {
	return fold(query).split(/\s+/).filter(Boolean).slice(0, mostWords);
}

/**
 * The posts whose title, tags or description hold every typed word, each word's letters in order
 * and close together (see `matchWord`), keyed by post in the order given, each with its score.
 */
export function filterPosts(posts: readonly Post[], query: string): Map<Post, PostHit> {
	const words = queryWords(query);
	const hits = new Map<Post, PostHit>();
	if (words.length === 0) {
		return hits;
	}

	for (const post of posts) {
		const score = scoreOf(post, words);
		if (score !== undefined) {
			hits.set(post, {post, score, words});
		}
	}

	return hits;
}

/** Problem files match on their path, by the same rules, so a broken post can still be found by name. */
export function filterProblems(problems: readonly Problem[], query: string): Map<Problem, readonly number[]> {
	const words = queryWords(query);
	const results = new Map<Problem, readonly number[]>();
	for (const problem of words.length === 0 ? [] : problems) {
		const path = fold(problem.path);
		const matches = words.map(word => matchWord(word, problem.path, path));
		if (matches.every(Boolean)) {
			results.set(problem, [...new Set(matches.flatMap(match => match!.indexes))].sort((a, b) => a - b));
		}
	}

	return results;
}
