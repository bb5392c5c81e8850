import {decodeHTML, decodeXML} from 'entities';
import {XMLParser, XMLValidator} from 'fast-xml-parser';

/** What an item's body is written in. */
export type ItemContent = {html: string} | {text: string};

export type FeedItem = {
	/** The item's own id (`guid`, Atom `id`, JSON Feed `id`), else its link. */
	id: string | undefined;
	/** The item's page, absolute. */
	link: string | undefined;
	title: string | undefined;
	date: string | undefined;
	updated: string | undefined;
	tags: string[];
	author: string | undefined;
	/** Plain text. */
	summary: string | undefined;
	content: ItemContent | undefined;
	/** What relative links in the content resolve against: `xml:base`, else the item's link, else the feed's address. */
	base: string;
};

export type Feed = {format: 'RSS' | 'Atom' | 'JSON Feed'; title: string | undefined; link: string | undefined; items: FeedItem[]};

/** Text that is not a feed this reader knows, with a message saying why. */
export class FeedError extends Error {}

// A feed with more items than this is cut: nobody scrolls past it, and each item costs a parse.
export const maxItems = 5000;

type Node = Record<string, unknown>;

const richFields = ['content', 'summary', 'content:encoded', 'description'];
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	parseTagValue: false,
	parseAttributeValue: false,
	processEntities: true,
	htmlEntities: true,
	// Bodies are kept raw, CDATA included, and decoded here: an Atom `xhtml` body is markup, not fields.
	stopNodes: [
		'feed.title',
		'feed.entry.title',
		...richFields.map(field => `feed.entry.${field}`),
		...richFields.map(field => `rss.channel.item.${field}`),
		...richFields.map(field => `rdf:RDF.item.${field}`),
	],
	isArray: name => ['item', 'entry', 'category', 'link', 'author', 'dc:subject', 'dc:creator'].includes(name),
});

function asNode(value: unknown): Node | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Node : undefined;
}

function list(value: unknown): unknown[] {
	return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** An element's text, whether the parser gave a string or an object with attributes. */
function text(value: unknown): string | undefined {
	const node = asNode(value);
	const raw = node ? node['#text'] : value;
	if (typeof raw === 'number' || typeof raw === 'boolean') {
		return String(raw);
	}

	return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

function attribute(value: unknown, name: string): string | undefined {
	const found = asNode(value)?.[`@_${name}`];
	return typeof found === 'string' && found.trim() !== '' ? found.trim() : undefined;
}

/** A raw (stop-node) body: CDATA sections as written, the rest with XML entities decoded. */
function rawBody(value: unknown): string | undefined {
	const raw = text(value);
	if (raw === undefined) {
		return undefined;
	}

	return raw.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map(part => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXML(part))).join('').trim() || undefined;
}

export function htmlToText(html: string): string {
	return decodeHTML(html.replaceAll(/<(script|style)[\s\S]*?<\/\1\s*>/gi, ' ').replaceAll(/<[^>]*>/g, ' ')).replaceAll(/\s+/g, ' ').trim();
}

function resolveUrl(address: string | undefined, base: string | undefined): string | undefined {
	if (address === undefined) {
		return undefined;
	}

	try {
		const url = new URL(address, base);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}

function plain(value: string | undefined): string | undefined {
	return value === undefined ? undefined : htmlToText(value) || undefined;
}

/** Atom `text`, `html` or `xhtml` constructs. */
function atomBody(value: unknown): ItemContent | undefined {
	const body = attribute(value, 'type') === 'xhtml' ? text(value) : rawBody(value);
	if (body === undefined) {
		return undefined;
	}

	const type = attribute(value, 'type') ?? 'text';
	return type === 'text' || type === 'text/plain' ? {text: body} : {html: body};
}

function contentText(content: ItemContent | undefined): string | undefined {
	return content === undefined ? undefined : 'html' in content ? plain(content.html) : content.text;
}

function parseAtom(root: Node, feedUrl: string): Feed {
	const feedBase = resolveUrl(attribute(root, 'xml:base'), feedUrl) ?? feedUrl;
	const alternate = (node: Node, base: string) => {
		const links = list(node['link']);
		const chosen = links.find(link => (attribute(link, 'rel') ?? 'alternate') === 'alternate') ?? links[0];
		return resolveUrl(attribute(chosen, 'href'), base);
	};

	const items = list(root['entry']).slice(0, maxItems).map(entry => {
		const node = asNode(entry) ?? {};
		const base = resolveUrl(attribute(node, 'xml:base'), feedBase) ?? feedBase;
		const link = alternate(node, base);
		const content = atomBody(node['content']);
		const summary = atomBody(node['summary']);
		const contentBase = resolveUrl(attribute(node['content'], 'xml:base'), base);
		const author = list(node['author']).map(person => text(asNode(person)?.['name'])).find(Boolean);
		const title = contentText(atomBody(node['title']));
		return {
			id: text(node['id']),
			link,
			title,
			date: text(node['published']) ?? text(node['updated']),
			updated: text(node['updated']),
			tags: list(node['category']).map(category => attribute(category, 'label') ?? attribute(category, 'term')).filter(tag => tag !== undefined),
			author,
			summary: contentText(summary),
			content: content ?? summary,
			// xml:base comes first (RFC 4287 via XML Base), then the entry's own page.
			base: contentBase ?? (attribute(node, 'xml:base') || attribute(root, 'xml:base') ? base : link ?? base),
		};
	});
	return {format: 'Atom', title: contentText(atomBody(root['title'])), link: alternate(root, feedBase), items};
}

function parseRss(channel: Node, itemNodes: unknown[], feedUrl: string): Feed {
	const items = itemNodes.slice(0, maxItems).map(item => {
		const node = asNode(item) ?? {};
		const guid = text(node['guid']);
		const permalink = attribute(node['guid'], 'isPermaLink') !== 'false' ? resolveUrl(guid, feedUrl) : undefined;
		const link = resolveUrl(text(list(node['link'])[0]), feedUrl) ?? permalink;
		const encoded = rawBody(node['content:encoded']);
		const description = rawBody(node['description']);
		const tags = [...list(node['category']), ...list(node['dc:subject'])].map(category => text(category)).filter(tag => tag !== undefined);
		const author = text(list(node['dc:creator'])[0]) ?? text(list(node['author'])[0]);
		const html = encoded ?? description;
		return {
			id: guid,
			link,
			title: text(node['title']),
			date: text(node['pubDate']) ?? text(node['dc:date']),
			updated: text(node['atom:updated']),
			tags,
			author,
			summary: plain(description),
			content: html === undefined ? undefined : {html},
			base: link ?? feedUrl,
		};
	});
	return {format: 'RSS', title: text(channel['title']), link: resolveUrl(text(list(channel['link'])[0]), feedUrl), items};
}

function parseJsonFeed(data: Node, feedUrl: string): Feed {
	const items = list(data['items']).slice(0, maxItems).map(item => {
		const node = asNode(item) ?? {};
		const string = (key: string) => (typeof node[key] === 'string' && node[key].trim() !== '' ? node[key].trim() : undefined);
		const link = resolveUrl(string('url'), feedUrl) ?? resolveUrl(string('external_url'), feedUrl);
		const html = string('content_html');
		const plainText = string('content_text');
		const authors = [...list(node['authors']), ...list(node['author'])].map(author => asNode(author)?.['name']).filter((name): name is string => typeof name === 'string');
		const id = node['id'];
		return {
			id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined,
			link,
			title: string('title'),
			date: string('date_published'),
			updated: string('date_modified'),
			tags: list(node['tags']).filter((tag): tag is string => typeof tag === 'string'),
			author: authors[0],
			summary: string('summary'),
			content: html === undefined ? (plainText === undefined ? undefined : {text: plainText}) : {html},
			base: link ?? feedUrl,
		};
	});
	return {format: 'JSON Feed', title: typeof data['title'] === 'string' ? data['title'] : undefined, link: resolveUrl(typeof data['home_page_url'] === 'string' ? data['home_page_url'] : undefined, feedUrl), items};
}

function xmlError(text: string): string | undefined {
	const result = XMLValidator.validate(text);
	return result === true ? undefined : `${result.err.msg} (line ${result.err.line}, column ${result.err.col})`;
}

/** Whether `text` looks like a feed rather than a web page or a post. */
export function looksLikeFeed(text: string): boolean {
	const start = text.trimStart().slice(0, 1000);
	return /^\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(start)
		|| (/^<(\?xml|rss|feed|rdf:RDF)\b/i.test(start) && /<(rss|feed|rdf:RDF)\b/.test(start));
}

/**
 * An RSS 2.0 / RSS 1.0, Atom or JSON Feed 1.x document read into items, with every address made
 * absolute against `feedUrl`. Throws a `FeedError` saying what is wrong: broken XML with its line,
 * JSON that is not a JSON Feed, XML with no feed in it.
 */
export function parseFeed(text: string, feedUrl: string): Feed {
	const trimmed = text.trimStart();
	if (trimmed.startsWith('{')) {
		let data: unknown;
		try {
			data = JSON.parse(trimmed);
		} catch (error) {
			throw new FeedError(`not a valid JSON Feed: ${error instanceof Error ? error.message : String(error)}`);
		}

		const node = asNode(data);
		if (!node || !Array.isArray(node['items'])) {
			throw new FeedError('not a JSON Feed: no "items" list');
		}

		return parseJsonFeed(node, feedUrl);
	}

	const problem = xmlError(trimmed);
	if (problem) {
		throw new FeedError(`not a valid feed: broken XML: ${problem}`);
	}

	const document = asNode(parser.parse(trimmed)) ?? {};
	const atom = asNode(document['feed']);
	if (atom) {
		return parseAtom(atom, feedUrl);
	}

	const rss = asNode(document['rss']);
	const channel = asNode(rss?.['channel']);
	if (channel) {
		return parseRss(channel, list(channel['item']), feedUrl);
	}

	const rdf = asNode(document['rdf:RDF']);
	if (rdf) {
		return parseRss(asNode(rdf['channel']) ?? {}, list(rdf['item']), feedUrl);
	}

	throw new FeedError('not a feed: XML with no <rss>, <feed> or <rdf:RDF> in it');
}
