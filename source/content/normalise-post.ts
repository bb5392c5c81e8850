import path from 'node:path';
import {inferPreamble} from './infer-preamble.js';
import {type BodyScan, extractHeadings, scanBody} from './outline.js';
import {parseDate} from './parse-date.js';
import {parseFrontmatter} from './parse-frontmatter.js';
import type {Post, PostDate} from './post.js';
import {cleanText, own, readFirst, readString, toBoolean, toMinutes, toTags, unreadField} from './read-fields.js';
import {restoreCollapsed} from './restore-collapsed.js';
import {stripMdxEsm} from './strip-mdx-esm.js';
import {firstParagraph, readingMinutes} from './summarise-body.js';

const dateKeys = ['date', 'publishedAt', 'published', 'pubDate', 'publishDate', 'created', 'posted'];
const updatedKeys = ['updated', 'updatedDate', 'lastmod', 'modified'];
const tagKeys = ['tags', 'tag', 'keywords', 'categories', 'category'];
const descriptionKeys = ['description', 'summary', 'excerpt', 'subtitle'];
const readingKeys = ['readTime', 'readingTime', 'reading_time'];
const coverKeys = ['heroImage', 'image', 'cover', 'coverImage', 'images'];
const bundleFileNames = new Set(['index', '_index', 'readme']);
const jekyllPrefix = /^(\d{4}-\d{2}-\d{2})-/;

function authorName(value: unknown): string | undefined {
	const name = value !== null && typeof value === 'object' && !Array.isArray(value) ? own(value as Record<string, unknown>, 'name') : value;
	return typeof name === 'string' && name.trim() !== '' ? cleanText(name, 120) : undefined;
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

function slugOf(value: string): string {
	return value.trim().replace(/^\/+|\/+$/g, '').replace(/\s+/g, '-').slice(0, 200);
}

function removeLines(body: string, from: number, count: number): string {
	const lines = body.split('\n');
	lines.splice(from, count);
	return lines.join('\n').replace(/^\n+/, '');
}

/** Where the first block starts, when only blank lines, HTML comments and badges/images come before it. */
function isFirstBlock(body: string, line: number): boolean {
	return body.split('\n', line).every(text => text.trim() === '' || /^\s*(<!--.*-->|!\[[^\]]*\]\([^)]*\)|\[!\[.*)\s*$/.test(text));
}

type TitleChoice = {title: string; source: string; body: string};

/** An ATX heading is one line; a setext heading is its text lines plus the underline. */
function headingLineCount(heading: {source: string}): number {
	return heading.source.startsWith('#') ? 1 : heading.source.split('\n').length + 1;
}

function chooseTitle(data: Record<string, unknown>, body: string, headings: BodyScan['headings']): TitleChoice | undefined {
	const field = readString(data, ['title'], 300);
	const first = headings[0];
	const h1s = headings.filter(heading => heading.depth === 1);
	if (field) {
		// A body that repeats the title as its opening H1 would show it twice.
		const repeat = first?.depth === 1 && first.text.toLowerCase() === field.value.toLowerCase() && isFirstBlock(body, first.line);
		return {title: field.value, source: field.key, body: repeat ? removeLines(body, first.line, headingLineCount(first)) : body};
	}

	const h1 = h1s.length === 1 ? h1s[0]! : first?.depth === 1 && isFirstBlock(body, first.line) ? first : undefined;
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

/** Maps whatever frontmatter and preamble a post has onto the fields the browser shows. */
export function normalisePost({absolutePath, relativePath, text, warnings: readWarnings, sources: given}: NormaliseInput): Post {
	const sources: Record<string, string> = {...given};
	const frontmatter = parseFrontmatter(text);
	const warnings = [...readWarnings, ...frontmatter.warnings];
	const {data} = frontmatter;
	let body = frontmatter.body.replace(/^\n+/, '');
	const withoutEsm = relativePath.toLowerCase().endsWith('.mdx') ? stripMdxEsm(body) : undefined;
	if (withoutEsm !== undefined) {
		body = withoutEsm;
		sources['body'] = sources['body'] ? `${sources['body']}, MDX imports removed` : 'MDX imports removed';
	}

	if (body.trim() === '') {
		warnings.push('frontmatter only: no text');
	}

	// Scanning is the costliest step: scan once, again only if lines changed.
	let scanned: BodyScan | undefined = scanBody(body);
	const headingLines = new Set(scanned.headings.map(heading => heading.line));
	const restored = headingLines.size <= 1 ? restoreCollapsed(body) : undefined;
	if (restored !== undefined) {
		body = restored;
		scanned = scanBody(body);
		sources['body'] = sources['body'] ? `${sources['body']}, collapsed lines restored` : 'collapsed lines restored';
	}

	const titleChoice = chooseTitle(data, body, scanned.headings);
	if (titleChoice && titleChoice.body !== body) {
		body = titleChoice.body;
		scanned = undefined;
	}

	const {stem, fromFolder} = fileStem(absolutePath);
	let date: PostDate | undefined;
	const dateField = readFirst(data, dateKeys, parseDate);
	if (dateField) {
		date = dateField.value;
		sources['date'] = dateField.key;
	} else {
		const prefix = jekyllPrefix.exec(path.basename(absolutePath)) ?? jekyllPrefix.exec(stem);
		date = prefix ? parseDate(prefix[1]) : undefined;
		if (date) {
			sources['date'] = 'file name';
		}
	}

	const readingField = readFirst(data, readingKeys, toMinutes);
	const preamble = inferPreamble(body, {
		title: !titleChoice,
		date: !date && frontmatter.format === 'none',
		readingMinutes: !readingField,
	});
	if (preamble.body !== body) {
		body = preamble.body;
		scanned = undefined;
	}

	if (preamble.date) {
		date = preamble.date;
		sources['date'] = 'date line';
	}

	let title: string;
	if (titleChoice) {
		title = titleChoice.title;
		sources['title'] = titleChoice.source;
	} else if (preamble.title) {
		title = cleanText(preamble.title, 300);
		sources['title'] = 'first line';
	} else {
		title = readableName(stem);
		sources['title'] = fromFolder ? 'folder name' : 'file name';
	}

	let minutes: number;
	if (readingField) {
		minutes = readingField.value;
		sources['readingMinutes'] = readingField.key;
	} else if (preamble.readingMinutes !== undefined) {
		minutes = preamble.readingMinutes;
		sources['readingMinutes'] = 'read time line';
	} else {
		scanned ??= scanBody(body);
		minutes = readingMinutes(body, scanned.lineCount);
		sources['readingMinutes'] = 'words';
	}

	const unreadDate = dateField ? undefined : unreadField(data, dateKeys);
	if (unreadDate) {
		warnings.push(`${unreadDate} is not a date: ${date ? `dated from the ${sources['date']}` : 'shown as undated'}`);
	}

	const updated = readFirst(data, updatedKeys, parseDate);
	if (updated) {
		sources['updated'] = updated.key;
	} else {
		const unread = unreadField(data, updatedKeys);
		if (unread) {
			warnings.push(`${unread} is not a date: ignored`);
		}
	}

	const tags = readFirst(data, tagKeys, toTags);
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

	const draftField = readFirst(data, ['draft'], toBoolean);
	const unpublished = toBoolean(own(data, 'published')) === false;
	const status = own(data, 'status');
	const inDrafts = `/${relativePath}`.includes('/_drafts/');
	const draft = draftField?.value === true || unpublished || (typeof status === 'string' && status.toLowerCase() === 'draft') || inDrafts;
	if (draft) {
		sources['draft'] = draftField?.value === true ? 'draft' : unpublished ? 'published' : inDrafts ? '_drafts folder' : 'status';
	}

	const slugField = readString(data, ['slug'], 200);
	const slug = slugField ? slugOf(slugField.value) : slugOf(stem.replace(jekyllPrefix, '')) || 'post';
	sources['slug'] = slugField ? 'slug' : fromFolder ? 'folder name' : 'file name';

	const author = readFirst(data, ['author', 'authors'], toAuthor);
	if (author) {
		sources['author'] = author.key;
	}

	const cover = readFirst(data, coverKeys, toImage);
	if (cover) {
		sources['cover'] = cover.key;
	}

	return {
		id: absolutePath,
		slug: slug || 'post',
		title,
		date,
		updated: updated?.value,
		tags: tags?.value ?? [],
		description: descriptionField?.value ?? firstParagraph(body),
		readingMinutes: minutes,
		draft,
		author: author?.value,
		cover: cover?.value,
		path: relativePath,
		absolutePath,
		body,
		headings: extractHeadings(body, scanned ??= scanBody(body)),
		warnings,
		sources,
	};
}
