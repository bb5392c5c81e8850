import {decodeHtmlEntities} from './decode-entities.js';

/** Frontmatter values come from strangers: read only own keys, only strings and numbers, bounded. */

import {invisibleControls} from './terminal-unsafe.js';

// Controls and bidi marks: nothing a title or tag needs, all things a terminal obeys. Tabs, newlines
// and the Unicode line separators are whitespace, which `cleanText` turns into single spaces.
const unsafe = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F${invisibleControls}]`, 'g');

/** One line of plain text, at most `max` characters, cut at a word boundary with `…`. */
export function cleanText(value: string, max: number): string {
	if (value.length <= max && /^[\w.,:;!?'"()&/+#@-]+(?: [\w.,:;!?'"()&/+#@-]+)*$/.test(value)) {
		return value;
	}

	const text = value.replace(unsafe, '').replace(/\s+/g, ' ').trim();
	if (text.length <= max) {
		return text;
	}

	const cut = text.slice(0, max - 1);
	const atWord = cut.replace(/\s+\S*$/, '');
	return `${atWord.length > max / 2 ? atWord : cut}…`;
}

/**
 * A field's text as `cleanText` makes it, with HTML entities decoded: titles and tags from MDX and
 * from scraped pages are often written `Tom &amp; Jerry`, which a list must not show.
 */
export function fieldText(value: string, max: number): string {
	return cleanText(decodeHtmlEntities(value), max);
}

export function own(data: Record<string, unknown>, key: string): unknown {
	return Object.hasOwn(data, key) ? data[key] : undefined;
}

/** The first key holding a non-empty string (or number), with that key. */
export function readString(data: Record<string, unknown>, keys: readonly string[], max: number): {key: string; value: string} | undefined {
	for (const key of keys) {
		const value = own(data, key);
		if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
			const text = fieldText(String(value), max);
			if (text !== '') {
				return {key, value: text};
			}
		}
	}

	return undefined;
}

/** The first key whose value `read` accepts. */
export function readFirst<T>(data: Record<string, unknown>, keys: readonly string[], read: (value: unknown) => T | undefined): {key: string; value: T} | undefined {
	for (const key of keys) {
		const value = read(own(data, key));
		if (value !== undefined) {
			return {key, value};
		}
	}

	return undefined;
}

/** A frontmatter value as a one-line warning names it. */
function describeValue(value: unknown): string {
	if (typeof value === 'string') {
		return JSON.stringify(cleanText(value, 40));
	}

	if (Array.isArray(value)) {
		return '(a list)';
	}

	return typeof value === 'object' ? '(a mapping)' : String(value);
}

/**
 * When none of `keys` could be read: the first that holds something (not empty, not a yes/no, which
 * `published: false` is) as `key value`, for a warning that says it was not understood.
 */
export function unreadField(data: Record<string, unknown>, keys: readonly string[]): string | undefined {
	for (const key of keys) {
		const value = own(data, key);
		if (value === undefined || value === null || typeof value === 'boolean' || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0)) {
			continue;
		}

		return `${key} ${describeValue(value)}`;
	}

	return undefined;
}

const maxTags = 50;

/** Arrays, or strings separated by commas (or, when there is no comma, by spaces); de-duplicated ignoring case. */
export function toTags(value: unknown): string[] | undefined {
	let raw: unknown[];
	if (Array.isArray(value)) {
		raw = value.slice(0, maxTags * 2);
	} else if (typeof value === 'string') {
		raw = value.slice(0, 4000).split(value.includes(',') ? ',' : /\s+/);
	} else {
		return undefined;
	}

	const tags: string[] = [];
	const seen = new Set<string>();
	for (const item of raw) {
		if (typeof item !== 'string' && typeof item !== 'number') {
			continue;
		}

		const tag = fieldText(String(item), 40).replace(/^#(?=\S)/, '');
		const key = tag.toLowerCase();
		if (tag !== '' && !seen.has(key)) {
			seen.add(key);
			tags.push(tag);
			if (tags.length === maxTags) {
				break;
			}
		}
	}

	return tags.length > 0 ? tags : undefined;
}

/** `true`, `"true"`, `"yes"` → true; `false`, `"false"`, `"no"` → false. */
export function toBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') {
		return value;
	}

	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (word === 'true' || word === 'yes') {
			return true;
		}

		if (word === 'false' || word === 'no') {
			return false;
		}
	}

	return undefined;
}

/** `8`, `"8"`, `"8 min read"`, `"8 minutes"`, `"PT8M"` → 8. */
export function toMinutes(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
		return Math.min(Math.round(value), 10_000) || 1;
	}

	if (typeof value === 'string') {
		const match = /^\s*(?:PT)?(\d{1,4})\s*(?:m|min|mins|minutes?)?(?:\s+read)?\s*$/i.exec(value);
		if (match && Number(match[1]) > 0) {
			return Number(match[1]);
		}
	}

	return undefined;
}
