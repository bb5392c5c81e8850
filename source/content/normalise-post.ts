import path from 'node:path';
import {extractHeadings} from './outline.js';
import type {Post, PostDate} from './post.js';

const wordsPerMinute = 230;

function firstString(data: Record<string, unknown>, keys: string[]): [string, string] | undefined {
	for (const key of keys) {
		const value = data[key];
		if (typeof value === 'string' && value.trim() !== '') {
			return [key, value.trim().slice(0, 500)];
		}
	}

	return undefined;
}

function pad(value: number): string {
	return String(value).padStart(2, '0');
}

export function toPostDate(value: unknown): PostDate | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime())) {
		// YAML turns a bare date into UTC midnight: keep that calendar day everywhere.
		const isMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
		const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
		return {iso: isMidnight ? day : value.toISOString(), time: value.getTime()};
	}

	if (typeof value === 'string') {
		const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
		if (day) {
			const time = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
			return Number.isNaN(time) ? undefined : {iso: value.trim(), time};
		}

		const time = Date.parse(value);
		if (!Number.isNaN(time)) {
			return toPostDate(new Date(time));
		}
	}

	return undefined;
}

function readTags(data: Record<string, unknown>): string[] {
	for (const key of ['tags', 'tag', 'keywords', 'categories', 'category']) {
		const value = data[key];
		const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
		const tags: string[] = [];
		const seen = new Set<string>();
		for (const item of raw.slice(0, 50)) {
			if (typeof item !== 'string' && typeof item !== 'number') {
				continue;
			}

			const tag = String(item).trim().slice(0, 40);
			if (tag !== '' && !seen.has(tag.toLowerCase())) {
				seen.add(tag.toLowerCase());
				tags.push(tag);
			}
		}

		if (tags.length > 0) {
			return tags;
		}
	}

	return [];
}

function readableFileName(file: string): string {
	const name = path.basename(file).replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
	const words = name.replace(/[-_]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function firstParagraph(body: string): string {
	for (const block of body.split(/\n{2,}/)) {
		const text = block.trim();
		if (text === '' || /^(#|```|~~~|>|\||[-*+] |\d+\. |!\[|<)/.test(text)) {
			continue;
		}

		const plain = text.replace(/[*_`]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ');
		return plain.length > 200 ? `${plain.slice(0, 200).replace(/\s+\S*$/, '')}…` : plain;
	}

	return '';
}

export type NormaliseInput = {
	root: string;
	absolutePath: string;
	data: Record<string, unknown>;
	body: string;
	warnings: string[];
};

/** Maps whatever frontmatter a post has onto the fields the browser shows. */
export function normalisePost({root, absolutePath, data, body, warnings}: NormaliseInput): Post {
	const sources: Record<string, string> = {};
	let text = body.replace(/^\n+/, '');

	let title = firstString(data, ['title']);
	if (title) {
		sources['title'] = title[0];
	} else {
		const h1 = /^# +(.+?)\s*#*\s*$/m.exec(text);
		if (h1 && text.slice(0, h1.index).trim() === '') {
			title = ['h1', h1[1]!];
			text = text.slice(h1.index + h1[0].length).replace(/^\n+/, '');
		} else {
			title = ['file name', readableFileName(absolutePath)];
		}

		sources['title'] = title[0];
	}

	let date: PostDate | undefined;
	for (const key of ['date', 'publishedAt', 'published', 'pubDate', 'publishDate', 'created', 'posted']) {
		date = toPostDate(data[key]);
		if (date) {
			sources['date'] = key;
			break;
		}
	}

	if (!date) {
		const prefix = /^(\d{4}-\d{2}-\d{2})-/.exec(path.basename(absolutePath));
		date = prefix ? toPostDate(prefix[1]) : undefined;
		if (date) {
			sources['date'] = 'file name';
		}
	}

	let updated: PostDate | undefined;
	for (const key of ['updated', 'updatedDate', 'lastmod', 'modified']) {
		updated = toPostDate(data[key]);
		if (updated) {
			break;
		}
	}

	const description = firstString(data, ['description', 'summary', 'excerpt', 'subtitle'])?.[1] ?? firstParagraph(text);
	const words = text.split(/\s+/).filter(Boolean).length;
	const relative = path.relative(root, absolutePath).split(path.sep).join('/') || path.basename(absolutePath);
	const slugField = firstString(data, ['slug'])?.[1];

	return {
		slug: slugField ?? path.basename(absolutePath).replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, ''),
		title: title[1],
		date,
		updated,
		tags: readTags(data),
		description,
		readingMinutes: Math.max(1, Math.round(words / wordsPerMinute)),
		draft: data['draft'] === true || data['published'] === false || relative.split('/').includes('_drafts'),
		author: firstString(data, ['author'])?.[1],
		cover: firstString(data, ['heroImage', 'image', 'cover', 'coverImage'])?.[1],
		path: relative,
		absolutePath,
		body: text,
		headings: extractHeadings(text),
		warnings,
		sources,
	};
}
