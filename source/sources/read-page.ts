import {decodeHTML} from 'entities';

const feedTypes = new Map([
	['application/rss+xml', 'RSS'],
	['application/atom+xml', 'Atom'],
	['application/feed+json', 'JSON Feed'],
	['application/json', 'JSON Feed'],
]);

function attributes(tag: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
		found.set(match[1]!.toLowerCase(), decodeHTML(match[2] ?? match[3] ?? match[4] ?? ''));
	}

	return found;
}

function tags(html: string, name: string): Array<Map<string, string>> {
	// The head is enough, and bounding the scan keeps a huge page cheap.
	const head = html.slice(0, 512 * 1024);
	return [...head.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map(match => attributes(match[0]));
}

/** The page's `<base href>`, resolved against its own address. */
export function pageBase(html: string, pageUrl: string): string {
	const href = tags(html, 'base').find(tag => tag.has('href'))?.get('href');
	try {
		return href ? new URL(href, pageUrl).href : pageUrl;
	} catch {
		return pageUrl;
	}
}

/**
 * The feeds a web page announces with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>`,
 * absolute, in the page's order.
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
	const base = pageBase(html, pageUrl);
	const feeds: string[] = [];
	for (const link of tags(html, 'link')) {
		const rel = (link.get('rel') ?? '').toLowerCase().split(/\s+/);
		const type = (link.get('type') ?? '').toLowerCase().split(';')[0]!.trim();
		const href = link.get('href');
		if (!rel.includes('alternate') || !feedTypes.has(type) || !href) {
			continue;
		}

		try {
			const url = new URL(href, base);
			if ((url.protocol === 'http:' || url.protocol === 'https:') && !feeds.includes(url.href)) {
				feeds.push(url.href);
			}
		} catch {
			// An href that is not an address announces nothing.
		}
	}

	return feeds;
}

/** What a page says about itself in its head: `og:title`/`<title>`, publication date, author, description. */
export function pageFields(html: string): {title?: string; date?: string; author?: string; description?: string} {
	const metas = tags(html, 'meta');
	const meta = (...names: string[]) => metas.find(tag => names.includes((tag.get('property') ?? tag.get('name') ?? '').toLowerCase()))?.get('content')?.trim() || undefined;
	const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html.slice(0, 512 * 1024))?.[1];
	const title = meta('og:title') ?? (titleTag === undefined ? undefined : decodeHTML(titleTag).trim() || undefined);
	const time = tags(html, 'time').find(tag => tag.has('datetime'))?.get('datetime');
	const fields: {title?: string; date?: string; author?: string; description?: string} = {};
	const date = meta('article:published_time', 'date', 'dc.date') ?? time;
	const author = meta('author', 'article:author');
	const description = meta('description', 'og:description');
	if (title) {
		fields.title = title;
	}

	if (date) {
		fields.date = date;
	}

	if (author) {
		fields.author = author;
	}

	if (description) {
		fields.description = description;
	}

	return fields;
}
