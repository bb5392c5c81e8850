import path from 'node:path';
import {inferPreamble} from './infer-preamble.js';
import {type BodyScan, outlineBody, scanBody} from './outline.js';
import {parseDate} from './parse-date.js';
import {parseFrontmatter} from './parse-frontmatter.js';
import type {Post, PostDate} from './post.js';
import {cleanText, fieldText, own, readFirst, readString, toBoolean, toMinutes, toTags, unreadField} from './read-fields.js';
import {readMdxMeta} from './read-mdx-meta.js';
import {type RepairedBody, repairBody} from './repair-body.js';
import {firstParagraph, readingMinutes} from './summarise-body.js';

const dateKeys = ['date', 'publishedAt', 'published', 'pubDate', 'publishDate', 'created', 'posted'];
const updatedKeys = ['updated', 'updatedDate', 'lastmod', 'modified'];
const tagKeys = ['tags', 'tag', 'keywords', 'categories', 'category', 'topics'];
const descriptionKeys = ['description', 'summary', 'excerpt', 'subtitle', 'spoiler'];
const readingKeys = ['readTime', 'readingTime', 'reading_time'];
const coverKeys = ['heroImage', 'image', 'cover', 'coverImage', 'images', 'imgUrl'];
// Zola's `path`, Hugo's `url`, Jekyll's `permalink`: `2015/04/10/fearless-concurrency`, `/blog/2015-04-10-x/`.
const permalinkKeys = ['path', 'url', 'permalink', 'slug'];
const permalinkDate = /(?:^|[/_-])((?:19|20)\d{2})([/-])(\d{2})\2(\d{2})(?=$|[/_.-])/;
// Fields a post's `export const meta` is read for: a value there that is not a literal deserves a word.
const metaFieldKeys = new Set(['title', ...dateKeys, ...updatedKeys, ...tagKeys, ...descriptionKeys]);
const bundleFileNames = new Set(['index', '_index', 'readme']);
const jekyllPrefix = /^(\d{4}-\d{2}-\d{2})-/;

function authorName(value: unknown): string | undefined {
	const name = value !== null && typeof value === 'object' && !Array.isArray(value) ? own(value as Record<string, unknown>, 'name') : value;
	return typeof name === 'string' && name.trim() !== '' ? fieldText(name, 120) : undefined;
}

/** `author: Jane`, `author: {name: Jane}`, `authors: [Jane, {name: Li}]` — one level only, so aliases cannot fan out. */
function toAuthor(value: unknown): string | undefined {
	if (!Array.isArray(value)) {
		return authorName(value);
	}

	const names = value.slice(0, 5).map(item => authorName(item)).filter(name => name !== undefined);
	return names.length > 0 ? cleanText(names.join(', '), 120) : undefined;
}

/** `image: x.png`, Hugo's `cover: {image: x.png}`, `images: [x.png]` — one level only. */
function toImage(value: unknown): string | undefined {
	const item = Array.isArray(value) ? value[0] as unknown : value;
	if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
		const object = item as Record<string, unknown>;
		const nested = own(object, 'image') ?? own(object, 'src') ?? own(object, 'url');
		return typeof nested === 'string' && nested.trim() !== '' ? cleanText(nested, 500) : undefined;
	}

	return typeof item === 'string' && item.trim() !== '' ? cleanText(item, 500) : undefined;
}

function fileStem(absolutePath: string): {stem: string; fromFolder: boolean} {
	const stem = path.basename(absolutePath).replace(/\.[^.]+$/, '');
	if (bundleFileNames.has(stem.toLowerCase())) {
		const folder = path.basename(path.dirname(absolutePath));
		if (folder !== '' && folder !== '.' && folder !== path.sep) {
			return {stem: folder, fromFolder: true};
		}
	}

	return {stem, fromFolder: false};
}

function readableName(stem: string): string {
	const words = stem.replace(jekyllPrefix, '').replace(/[-_]+/g, ' ').trim();
	return cleanText(words.charAt(0).toUpperCase() + words.slice(1), 300) || 'Untitled';
}

/** The date in a permalink-like field, for posts whose only date is their address. */
function toPermalinkDate(value: unknown): PostDate | undefined {
	const match = typeof value === 'string' && value.length <= 300 ? permalinkDate.exec(value) : undefined;
	return match ? parseDate(`${match[1]}-${match[3]}-${match[4]}`) : undefined;
}

function slugOf(value: string): string {
	return value.trim().replace(/^\/+|\/+$/g, '').replace(/\s+/g, '-').slice(0, 200);
}

function removeLines(body: string, from: number, count: number): string {
	const lines = body.split('\n');
	lines.splice(from, count);
	return lines.join('\n').replace(/^\n+/, '');
}

type TitleChoice = {title: string; source: string; body: string};

/** An ATX heading is one line; a setext heading is its text lines plus the underline. */
function headingLineCount(heading: {source: string}): number {
	return heading.source.startsWith('#') ? 1 : heading.source.split('\n').length + 1;
}

/**
 * The title field, else the only H1 or an H1 that opens the body (only blank lines, HTML comments
 * and badges above it, as the body scan reads them), with that H1 taken out of the body.
 */
function chooseTitle(data: Record<string, unknown>, body: string, scanned: BodyScan): TitleChoice | undefined {
	const field = readString(data, ['title'], 300);
	// A heading inside a quote or list item is part of that block, never the post's title.
	const headings = scanned.headings.filter(heading => !scanned.nestedLines.has(heading.line));
	const first = headings[0];
	const opens = first !== undefined && first.depth === 1 && scanned.firstBlock === first.line;
	const h1s = headings.filter(heading => heading.depth === 1);
	if (field) {
		// A body that repeats the title as its opening H1 would show it twice.
		const repeat = opens && first.text.toLowerCase() === field.value.toLowerCase();
		return {title: field.value, source: field.key, body: repeat ? removeLines(body, first.line, headingLineCount(first)) : body};
	}

	const h1 = h1s.length === 1 ? h1s[0]! : opens ? first : undefined;
	if (h1 && h1.text !== '') {
		return {title: cleanText(h1.text, 300), source: 'h1', body: removeLines(body, h1.line, headingLineCount(h1))};
	}

	return undefined;
}

/** The post as plain text under its file name: what is left when reading its fields failed outright. */
export function plainPost({absolutePath, relativePath, text, warnings}: NormaliseInput): Post {
	const {stem, fromFolder} = fileStem(absolutePath);
	return {
		id: absolutePath,
		slug: slugOf(stem.replace(jekyllPrefix, '')) || 'post',
		title: readableName(stem),
		date: undefined,
		updated: undefined,
		tags: [],
		description: '',
		readingMinutes: 1,
		draft: `/${relativePath}`.includes('/_drafts/'),
		author: undefined,
		cover: undefined,
		path: relativePath,
		absolutePath,
		body: text,
		headings: [],
		warnings,
		sources: {title: fromFolder ? 'folder name' : 'file name', slug: fromFolder ? 'folder name' : 'file name'},
	};
}

export type NormaliseInput = {
	absolutePath: string;
	/** Path relative to the library root, `/` separators. */
	relativePath: string;
	/** Decoded text with LF line ends, frontmatter included. */
	text: string;
	warnings: string[];
	sources?: Record<string, string>;
};

type FieldData = {
	data: Record<string, unknown>;
	/** The body after the frontmatter (and an MDX meta export), before any repair. */
	body: string;
	hasFrontmatter: boolean;
	warnings: string[];
	fromMeta: boolean;
};

// Zola keeps tags in `[taxonomies]` and a theme's own fields (wezm.net's `updated`) in `[extra]`.
const nestedTables = ['taxonomies', 'extra'];

/** Zola's `[taxonomies]` and `[extra]` tables read as if their keys were top-level (top-level keys win); one level only. */
function withZolaTables(data: Record<string, unknown>): Record<string, unknown> {
	const tables = nestedTables.map(key => own(data, key)).filter((value): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value));
	// Spread copies own keys as data, so a `__proto__` key stays only a key.
	return tables.length === 0 ? data : {...tables.reduceRight<Record<string, unknown>>((merged, table) => ({...merged, ...table}), {}), ...data};
}

/** The post's fields as written: its frontmatter, and in MDX its `export const meta` (frontmatter wins). */
function readFieldData(text: string, mdx: boolean): FieldData {
	const frontmatter = parseFrontmatter(text);
	const warnings = [...frontmatter.warnings];
	const body = frontmatter.body.replace(/^\n+/, '');
	const meta = mdx ? readMdxMeta(body) : undefined;
	for (const key of meta?.notLiteral.filter(name => metaFieldKeys.has(name)) ?? []) {
		warnings.push(`meta.${key} is not a literal value: ignored (nothing in a post is run)`);
	}

	return {
		data: withZolaTables(meta ? {...meta.data, ...frontmatter.data} : frontmatter.data),
		body: meta?.body ?? body,
		hasFrontmatter: frontmatter.format !== 'none',
		warnings,
		fromMeta: meta !== undefined,
	};
}

type Choice<T> = {value: T; source: string};

/** The date field, else a Jekyll file name, a permalink field, or the page a post was saved from. */
function chooseDate(data: Record<string, unknown>, absolutePath: string, stem: string, page: RepairedBody['page']): Choice<PostDate> | undefined {
	const field = readFirst(data, dateKeys, parseDate);
	if (field) {
		return {value: field.value, source: field.key};
	}

	const prefix = jekyllPrefix.exec(path.basename(absolutePath)) ?? jekyllPrefix.exec(stem);
	const fromName = prefix ? parseDate(prefix[1]) : undefined;
	if (fromName) {
		return {value: fromName, source: 'file name'};
	}

	const permalink = readFirst(data, permalinkKeys, toPermalinkDate);
	if (permalink) {
		return {value: permalink.value, source: permalink.key};
	}

	return page?.date ? {value: page.date, source: 'page'} : undefined;
}

function chooseDraft(data: Record<string, unknown>, relativePath: string): Choice<boolean> | undefined {
	const field = readFirst(data, ['draft'], toBoolean);
	const unpublished = toBoolean(own(data, 'published')) === false;
	const status = own(data, 'status');
	const inDrafts = `/${relativePath}`.includes('/_drafts/');
	if (field?.value === true) {
		return {value: true, source: 'draft'};
	}

	if (unpublished) {
		return {value: true, source: 'published'};
	}

	if (inDrafts) {
		return {value: true, source: '_drafts folder'};
	}

	return typeof status === 'string' && status.toLowerCase() === 'draft' ? {value: true, source: 'status'} : undefined;
}

/** Updated date, tags, description, author and cover: read from their keys (or the saved page), recorded in `sources`. */
function readOtherFields(data: Record<string, unknown>, page: RepairedBody['page'], warnings: string[], sources: Record<string, string>) {
	const updated = readFirst(data, updatedKeys, parseDate);
	if (updated) {
		sources['updated'] = updated.key;
	} else {
		const unread = unreadField(data, updatedKeys);
		if (unread) {
			warnings.push(`${unread} is not a date: ignored`);
		}
	}

	const tags = readFirst(data, tagKeys, toTags) ?? (page?.tags ? {key: 'page', value: page.tags} : undefined);
	if (tags) {
		sources['tags'] = tags.key;
	} else {
		const unread = unreadField(data, tagKeys);
		if (unread) {
			warnings.push(`${unread} holds no tag written as text: ignored`);
		}
	}

	const descriptionField = readString(data, descriptionKeys, 300);
	sources['description'] = descriptionField?.key ?? 'first paragraph';

	const author = readFirst(data, ['author', 'authors'], toAuthor) ?? (page?.author ? {key: 'page', value: fieldText(page.author, 120)} : undefined);
	if (author) {
		sources['author'] = author.key;
	}

	const cover = readFirst(data, coverKeys, toImage);
	if (cover) {
		sources['cover'] = cover.key;
	}

	return {updated: updated?.value, tags: tags?.value ?? [], description: descriptionField?.value, author: author?.value, cover: cover?.value};
}

/**
 * Maps whatever frontmatter and preamble a post has onto the fields the browser shows: the body is
 * repaired first (`repairBody`), then each field is read from its keys or inferred, and the lines
 * that gave a field (a title H1, a date or read-time line) leave the body.
 */
export function normalisePost({absolutePath, relativePath, text, warnings: readWarnings, sources: given}: NormaliseInput): Post {
	const mdx = relativePath.toLowerCase().endsWith('.mdx');
	const fields = readFieldData(text, mdx);
	const repaired = repairBody(fields.body, {mdx, frontmatter: fields.hasFrontmatter});
	const {data} = fields;
	const {page} = repaired;
	const warnings = [...readWarnings, ...fields.warnings, ...repaired.warnings];
	if (repaired.body.trim() === '') {
		warnings.push('frontmatter only: no text');
	}

	const sources: Record<string, string> = {...given};
	const repairs = [...(given?.['body'] ? [given['body']] : []), ...repaired.repairs];
	if (repairs.length > 0) {
		sources['body'] = repairs.join(', ');
	}

	if (fields.fromMeta) {
		sources['fields'] = 'export const meta';
	}

	const titleChoice = chooseTitle(page?.title ? {title: page.title.text} : data, repaired.body, repaired.scanned);
	const {stem, fromFolder} = fileStem(absolutePath);
	const dateChoice = chooseDate(data, absolutePath, stem, page);
	const readingField = readFirst(data, readingKeys, toMinutes);
	const preamble = inferPreamble(titleChoice?.body ?? repaired.body, {
		title: !titleChoice,
		date: !dateChoice && !fields.hasFrontmatter,
		readingMinutes: !readingField && page?.readingMinutes === undefined,
	});
	const body = preamble.body;
	const scanned = body === repaired.body ? repaired.scanned : scanBody(body);

	const date = preamble.date ? {value: preamble.date, source: 'date line'} : dateChoice;
	if (date) {
		sources['date'] = date.source;
	}

	const title: Choice<string> = titleChoice ? {value: titleChoice.title, source: page?.title?.source ?? titleChoice.source}
		: preamble.title ? {value: fieldText(preamble.title, 300), source: 'first line'}
			: {value: readableName(stem), source: fromFolder ? 'folder name' : 'file name'};
	sources['title'] = title.source;

	const minutes: Choice<number> = readingField ? {value: readingField.value, source: readingField.key}
		: page?.readingMinutes !== undefined ? {value: page.readingMinutes, source: 'page'}
			: preamble.readingMinutes !== undefined ? {value: preamble.readingMinutes, source: 'read time line'}
				: {value: readingMinutes(body, scanned.lineCount), source: 'words'};
	sources['readingMinutes'] = minutes.source;

	const unreadDate = dateChoice && dateKeys.includes(dateChoice.source) ? undefined : unreadField(data, dateKeys);
	if (unreadDate) {
		warnings.push(`${unreadDate} is not a date: ${date ? `dated from the ${date.source}` : 'shown as undated'}`);
	}

	const other = readOtherFields(data, page, warnings, sources);
	const draft = chooseDraft(data, relativePath);
	if (draft) {
		sources['draft'] = draft.source;
	}

	const slugField = readString(data, ['slug'], 200);
	const slug = slugField ? slugOf(slugField.value) : slugOf(stem.replace(jekyllPrefix, '')) || 'post';
	sources['slug'] = slugField ? 'slug' : fromFolder ? 'folder name' : 'file name';

	// Inferred headings may need their lines split apart: the body shown is the outline's.
	const outline = outlineBody(body, scanned);
	return {
		id: absolutePath,
		slug: slug || 'post',
		title: title.value,
		date: date?.value,
		updated: other.updated,
		tags: other.tags,
		description: other.description ?? firstParagraph(body, scanned),
		readingMinutes: minutes.value,
		draft: draft?.value ?? false,
		author: other.author,
		cover: other.cover,
		path: relativePath,
		absolutePath,
		body: outline.body,
		headings: outline.headings,
		warnings,
		sources,
	};
}
