import {readFile, stat} from 'node:fs/promises';
import path from 'node:path';
import {decodeText} from './decode-text.js';
import {defaultExtensions, describeFsError, discoverFiles} from './discover-files.js';
import {normalisePost} from './normalise-post.js';
import {parseFrontmatter} from './parse-frontmatter.js';
import type {Library, Post, Problem} from './post.js';

export type LoadOptions = {
	extensions?: string[];
	/** Files larger than this many bytes are problems, not posts. */
	maxBytes?: number;
	onProgress?: (read: number, total: number) => void;
};

const defaultMaxBytes = 10 * 1024 * 1024;

function orderPosts(posts: Post[]): Post[] {
	return posts.sort((a, b) => (b.date?.time ?? Number.NEGATIVE_INFINITY) - (a.date?.time ?? Number.NEGATIVE_INFINITY) || a.title.localeCompare(b.title));
}

function uniqueSlugs(posts: Post[]): void {
	const seen = new Map<string, number>();
	for (const post of posts) {
		const count = seen.get(post.slug) ?? 0;
		seen.set(post.slug, count + 1);
		if (count > 0) {
			post.slug = `${post.slug}-${count + 1}`;
		}
	}
}

async function loadFile(root: string, absolutePath: string, maxBytes: number): Promise<{post?: Post; problem?: Problem}> {
	const relative = path.relative(root, absolutePath).split(path.sep).join('/') || path.basename(absolutePath);
	const problem = (reason: string): Problem => ({path: relative, absolutePath, problem: reason});
	let bytes: Uint8Array;
	try {
		const info = await stat(absolutePath);
		if (info.size > maxBytes) {
			return {problem: problem(`too large: ${(info.size / 1024 / 1024).toFixed(1)} MB (limit ${(maxBytes / 1024 / 1024).toFixed(0)} MB)`)};
		}

		bytes = await readFile(absolutePath);
	} catch (error) {
		return {problem: problem(describeFsError(error))};
	}

	const decoded = decodeText(bytes);
	if ('binary' in decoded) {
		return {problem: problem('binary file, not text')};
	}

	if (decoded.text.trim() === '') {
		return {problem: problem('empty file')};
	}

	const frontmatter = parseFrontmatter(decoded.text);
	const warnings = [...decoded.warnings, ...frontmatter.warnings];
	if (frontmatter.error) {
		warnings.push(frontmatter.error);
	}

	const post = normalisePost({root, absolutePath, data: frontmatter.data, body: frontmatter.body, warnings});
	return {post, problem: frontmatter.error ? {...problem(frontmatter.error), slug: post.slug} : undefined};
}

/** Reads every post under `root` (a folder or a single file); unreadable files become problems, never errors. */
export async function loadLibrary(root: string, options: LoadOptions = {}): Promise<Library> {
	const absoluteRoot = path.resolve(root);
	const info = await stat(absoluteRoot);
	const base = info.isDirectory() ? absoluteRoot : path.dirname(absoluteRoot);
	const discovered = info.isDirectory()
		? await discoverFiles(absoluteRoot, options.extensions ?? defaultExtensions)
		: {files: [absoluteRoot], problems: []};

	const posts: Post[] = [];
	const problems: Problem[] = discovered.problems.map(({absolutePath, problem}) => ({
		path: path.relative(base, absolutePath).split(path.sep).join('/'),
		absolutePath,
		problem,
	}));

	let read = 0;
	for (const file of discovered.files) {
		const result = await loadFile(base, file, options.maxBytes ?? defaultMaxBytes);
		if (result.post) {
			posts.push(result.post);
		}

		if (result.problem) {
			problems.push(result.problem);
		}

		read++;
		options.onProgress?.(read, discovered.files.length);
	}

	uniqueSlugs(posts);
	return {root: base, label: root, posts: orderPosts(posts), problems};
}
