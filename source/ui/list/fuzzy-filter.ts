import fuzzysort, {type KeysResult, type Prepared as FuzzyTarget, type Result} from 'fuzzysort';
import type {Post, Problem} from '../../content/post.js';

/** Which characters matched the filter, per field, as UTF-16 indexes into that field. */
export type PostMatch = {title: readonly number[]; tags: ReadonlyMap<string, readonly number[]>; description: readonly number[]};

/** A post that matched; the highlight indexes are worked out only for rows that are drawn. */
export type PostHit = KeysResult<Post>;

// Below these a match is letters scattered across the text: noise, not what was meant. Descriptions
// are long, so scattered letters match there far more easily than in a title or a tag.
const shortThreshold = 0.2;
const descriptionThreshold = 0.35;

type Prepared = {title: FuzzyTarget; tags: FuzzyTarget; description: FuzzyTarget};

const preparedPosts = new WeakMap<Post, Prepared>();

function prepared(post: Post): Prepared {
	let value = preparedPosts.get(post);
	if (!value) {
		value = {
			title: fuzzysort.prepare(post.title),
			tags: fuzzysort.prepare(post.tags.join(' ')),
			description: fuzzysort.prepare(post.description),
		};
		preparedPosts.set(post, value);
	}

	return value;
}

/** Prepares posts for matching ahead of the first keystroke (work done while the reader looks). */
export function prepareForFilter(posts: readonly Post[]): void {
	for (const post of posts) {
		prepared(post);
	}
}

/** Splits matches in the space-joined tags back onto each tag. */
function tagIndexes(tags: readonly string[], indexes: readonly number[]): Map<string, number[]> {
	const result = new Map<string, number[]>();
	let start = 0;
	for (const tag of tags) {
		const inTag = indexes.filter(index => index >= start && index < start + tag.length).map(index => index - start);
		if (inTag.length > 0) {
			result.set(tag, inTag);
		}

		start += tag.length + 1;
	}

	return result;
}

function kept(result: Result | undefined, threshold: number): readonly number[] {
	return result && result.score >= threshold ? result.indexes : [];
}

function counted(result: Result | undefined, threshold: number): number {
	return result && result.score >= threshold ? result.score : 0;
}

const matches = new WeakMap<PostHit, PostMatch>();

/** The characters to highlight for a hit. */
export function postMatch(hit: PostHit): PostMatch {
	let match = matches.get(hit);
	if (!match) {
		const [title, tags, description] = hit;
		match = {
			title: kept(title, shortThreshold),
			tags: tagIndexes(hit.obj.tags, kept(tags, shortThreshold)),
			description: kept(description, descriptionThreshold),
		};
		matches.set(hit, match);
	}

	return match;
}

/** The posts that fuzzily match `query` (title, tags, description). */
export function filterPosts(posts: readonly Post[], query: string): Map<Post, PostHit> {
	const results = fuzzysort.go(query.trim(), posts, {
		keys: [post => prepared(post).title, post => prepared(post).tags, post => prepared(post).description],
		scoreFn: ([title, tags, description]) => Math.max(counted(title, shortThreshold), counted(tags, shortThreshold), counted(description, descriptionThreshold)),
		threshold: shortThreshold,
		limit: 0,
	});
	return new Map(results.map(result => [result.obj, result]));
}

/** Problem files match on their path, so a broken post can still be found by name. */
export function filterProblems(problems: readonly Problem[], query: string): Map<Problem, readonly number[]> {
	const results = fuzzysort.go(query.trim(), problems, {key: 'path', threshold: shortThreshold, limit: 0});
	return new Map(results.map(result => [result.obj, result.indexes]));
}
