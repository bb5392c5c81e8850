import {normalisePost, plainPost} from './normalise-post.js';
import {parseDate} from './parse-date.js';
import type {Post} from './post.js';
import {cleanText, toTags} from './read-fields.js';

/** Fields a source knows better than the text itself (a feed item's title, dates, categories…). */
export type GivenFields = {
	title?: string | undefined;
	date?: string | undefined;
	updated?: string | undefined;
	tags?: readonly string[] | undefined;
	author?: string | undefined;
	description?: string | undefined;
};

export type PostInput = {
	/** Unique across every source in the library. */
	id: string;
	/** Decoded text with LF line ends, frontmatter included when `frontmatter` is not false. */
	text: string;
	/** `/`-separated, as shown and matched by links: relative to a folder, or a URL's path. */
	path: string;
	absolutePath?: string;
	url?: string;
	warnings?: string[];
	sources?: Record<string, string>;
	/** Where these came from, recorded in `sources` (`feed`). */
	given?: {fields: GivenFields; source: string};
	/** False for text that is never frontmatter (a feed item's converted HTML). Default true. */
	frontmatter?: boolean;
};

function applyGiven(post: Post, fields: GivenFields, source: string): Post {
	const next = {...post, sources: {...post.sources}};
	const title = fields.title === undefined ? '' : cleanText(fields.title, 300);
	if (title !== '') {
		next.title = title;
		next.sources['title'] = source;
	}

	for (const key of ['date', 'updated'] as const) {
		const parsed = fields[key] === undefined ? undefined : parseDate(fields[key]);
		if (parsed) {
			next[key] = parsed;
			next.sources[key] = source;
		} else if (fields[key] !== undefined && fields[key].trim() !== '') {
			next.warnings = [...next.warnings, `${key} "${cleanText(fields[key], 60)}" is not a date: ignored`];
		}
	}

	const tags = fields.tags === undefined ? undefined : toTags([...fields.tags]);
	if (tags && tags.length > 0) {
		next.tags = tags;
		next.sources['tags'] = source;
	}

	const author = fields.author === undefined ? '' : cleanText(fields.author, 120);
	if (author !== '') {
		next.author = author;
		next.sources['author'] = source;
	}

	const description = fields.description === undefined ? '' : cleanText(fields.description, 300);
	if (description !== '') {
		next.description = description;
		next.sources['description'] = source;
	}

	return next;
}

/**
 * One post from text that came from anywhere (a file, standard input, a feed item, a web page):
 * normalised like a file's post, then given the source's own fields and identity. Never throws:
 * text whose fields cannot be read is the plain post, with a warning.
 */
export function loadPost(input: PostInput): Post {
	const text = input.frontmatter === false && /^(---|\+\+\+|;;;|\{)/.test(input.text) ? `\n${input.text}` : input.text;
	const normaliseInput = {absolutePath: input.absolutePath ?? input.path, relativePath: input.path, text, warnings: input.warnings ?? [], sources: input.sources ?? {}};
	let post: Post;
	try {
		post = normalisePost(normaliseInput);
	} catch (error) {
		const reason = `fields not read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
		post = plainPost({...normaliseInput, warnings: [...normaliseInput.warnings, reason]});
	}

	const {absolutePath: _, ...rest} = post;
	const placed: Post = {...rest, id: input.id, ...(input.absolutePath === undefined ? {} : {absolutePath: input.absolutePath}), ...(input.url === undefined ? {} : {url: input.url})};
	return input.given ? applyGiven(placed, input.given.fields, input.given.source) : placed;
}
