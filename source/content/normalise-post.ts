import path from 'node:path';
import {inferPreamble} from './infer-preamble.js';
import {type BodyScan, outlineBody, scanBody} from './outline.js';
import {parseDate} from './parse-date.js';
import {parseFrontmatter} from './parse-frontmatter.js';
import type {Post, PostDate} from './post.js';
import {cleanText, own, readFirst, readString, toBoolean, toMinutes, toTags, unreadField} from './read-fields.js';
import {readMdxMeta} from './read-mdx-meta.js';
import {restoreCollapsed} from './restore-collapsed.js';
import {stripMdxEsm} from './strip-mdx-esm.js';
import {stripPageChrome} from './strip-page-chrome.js';
import {stripTemplateEnd} from './strip-template-end.js';
import {firstParagraph, readingMinutes} from './summarise-body.js';

const dateKeys = ['date', 'publishedAt', 'published', 'pubDate', 'publishDate', 'created', 'posted'];
const updatedKeys = ['updated', 'updatedDate', 'lastmod', 'modified'];
const tagKeys = ['tags', 'tag', 'keywords', 'categories', 'category', 'topics'];
const descriptionKeys = ['description', 'summary', 'excerpt', 'subtitle'];
const readingKeys = ['readTime', 'readingTime', 'reading_time'];
const coverKeys = ['heroImage', 'image', 'cover', 'coverImage', 'images'];
// Zola's `path`, Hugo's `url`, Jekyll's `permalink`: `2015/04/10/fearless-concurrency`, `/blog/2015-04-10-x/`.
const permalinkKeys = ['path', 'url', 'permalink', 'slug'];
const permalinkDate = /(?:^|[/_-])((?:19|20)\d{2})([/-])(\d{2})\2(\d{2})(?=$|[/_.-])/;
// Fields a post's `export const meta` is read for: a value there that is not a literal deserves a word.
const metaFieldKeys = new Set(['title', ...dateKeys, ...updatedKeys, ...tagKeys, ...descriptionKeys]);
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

/** The date in a permalink-like field, for posts whose only date is their address. */
function toPermalinkDate(value: unknown): PostDate | undefined {
	const match = typeof value === 'string' && value.length <= 300 ? permalinkDate.exec(value) : undefined;
	return match ? parseDate(`${match[1]}-${match[3]}-${match[4]}`) : undefined;
}

function slugOf(value: string): string {
	return value.trim().replace(/^\/+|\/+$/g, '').replace(/\s+/g, '-').slice(0, 200);
}

function addRepair(sources: Record<string, string>, repair: string): void {
	sources['body'] = sources['body'] ? `${sources['body']}, ${repair}` : repair;
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
	let {data} = frontmatter;
	let body = frontmatter.body.replace(/^\n+/, '');
	const mdx = relativePath.toLowerCase().endsWith('.mdx');
	const meta = mdx ? readMdxMeta(body) : undefined;
	if (meta) {
		data = {...meta.data, ...data};
		body = meta.body;
		sources['fields'] = 'export const meta';
		for (const key of meta.notLiteral.filter(name => metaFieldKeys.has(name))) {
			warnings.push(`meta.${key} is not a literal value: ignored (nothing in a post is run)`);
		}
	}

	const withoutEsm = mdx ? stripMdxEsm(body) : undefined;
	if (withoutEsm !== undefined) {
		body = withoutEsm;
		addRepair(sources, 'MDX imports removed');
	}

	// A page saved as text has no frontmatter; its fields are in the page around the article.
	const page = frontmatter.format === 'none' ? stripPageChrome(body) : undefined;
	if (page) {
		body = page.body;
		warnings.push(...page.warnings);
		addRepair(sources, 'page chrome removed');
	}

	const templateEnd = stripTemplateEnd(body);
	if (templateEnd) {
		body = templateEnd.body;
		warnings.push(`a stray ${JSON.stringify(templateEnd.dropped)} after the last paragraph (the end of a JavaScript template string): dropped`);
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
		addRepair(sources, 'collapsed lines restored');
	}

	const titleChoice = chooseTitle(page?.title ? {title: page.title.text} : data, body, scanned.headings);
	if (titleChoice && page?.title) {
		titleChoice.source = page.title.source;
	}

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
		const permalink = date ? undefined : readFirst(data, permalinkKeys, toPermalinkDate);
		if (date) {
			sources['date'] = 'file name';
		} else if (permalink) {
			date = permalink.value;
			sources['date'] = permalink.key;
		} else if (page?.date) {
			date = page.date;
			sources['date'] = 'page';
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
	} else if (page?.readingMinutes !== undefined) {
		minutes = page.readingMinutes;
		sources['readingMinutes'] = 'page';
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

	const author = readFirst(data, ['author', 'authors'], toAuthor) ?? (page?.author ? {key: 'page', value: cleanText(page.author, 120)} : undefined);
	if (author) {
		sources['author'] = author.key;
	}

	const cover = readFirst(data, coverKeys, toImage);
	if (cover) {
		sources['cover'] = cover.key;
	}

	const outline = outlineBody(body, scanned ??= scanBody(body));
	body = outline.body;
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
		headings: outline.headings,
		warnings,
		sources,
	};
}
