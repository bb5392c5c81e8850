import {loadPost} from '../content/load-post.js';
import {shortUrl} from './remote-url.js';
import {cleanText} from '../content/read-fields.js';
import type {Library, Post, Problem} from '../content/post.js';
import {decodeResponse} from './decode-response.js';
import {htmlToMarkdown, textToMarkdown} from './html-to-markdown.js';
import {FetchError, type FetchLimits, type FetchResponse, httpFetch} from './http-fetch.js';
import {type Feed, FeedError, type FeedItem, looksLikeFeed, parseFeed} from './parse-feed.js';
import {discoverFeeds, pageFields} from './read-page.js';
import type {CachedResponse, ResponseCache} from './response-cache.js';

export type RemoteOptions = {
	cache?: ResponseCache | undefined;
	limits?: Partial<FetchLimits>;
	/** Bytes received of the response being fetched now. */
	onProgress?: (received: number, total: number | undefined) => void;
	/** Clock for the copy's age; default `Date.now`. */
	now?: () => number;
};

/** One address read: its posts, its problems, and how current the copy is. */
export type RemoteLibrary = Library & {
	/** Short: the feed's title, else the address; `label` adds the address and the copy's age. */
	name: string;
	/** Set when the network failed and the posts are the cached copy. */
	offline?: {reason: string; fetchedAt: number};
};

const accept = 'application/feed+json, application/atom+xml, application/rss+xml, application/xml;q=0.9, text/markdown;q=0.9, text/html;q=0.8, */*;q=0.5';


/** `5 min`, `3 h`, `2 days`. */
export function describeAge(ms: number): string {
	const minutes = Math.max(0, Math.round(ms / 60_000));
	if (minutes < 60) {
		return minutes <= 1 ? 'a minute' : `${minutes} min`;
	}

	const hours = Math.round(minutes / 60);
	if (hours < 48) {
		return `${hours} h`;
	}

	return `${Math.round(hours / 24)} days`;
}

type Kind = 'feed' | 'page' | 'markdown';

function kindOf(text: string, contentType: string | undefined): Kind {
	const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
	if (looksLikeFeed(text) || /(rss|atom|feed\+json)/.test(type)) {
		return 'feed';
	}

	if (type === 'text/html' || type === 'application/xhtml+xml' || /^\s*(<!doctype html|<html\b)/i.test(text)) {
		return 'page';
	}

	return 'markdown';
}

/** The part of a URL that links between posts match on, as a file path would be: `2024/hello.html`. */
function pathOf(url: string | undefined, fallback: string): string {
	if (url === undefined) {
		return fallback;
	}

	try {
		const {pathname} = new URL(url);
		return decodeURIComponent(pathname).replace(/^\/+/, '') || fallback;
	} catch {
		return fallback;
	}
}

function withoutHash(url: string): string {
	const hash = url.indexOf('#');
	return hash === -1 ? url : url.slice(0, hash);
}

function itemPost(item: FeedItem, index: number, feedUrl: string, taken: Set<string>): Post {
	let id = item.link ? withoutHash(item.link) : `${feedUrl}#${item.id ?? index}`;
	// Two items with the same link are still two posts.
	if (taken.has(id)) {
		id = `${feedUrl}#${item.id ?? index}`;
	}

	taken.add(id);
	const body = item.content === undefined ? '' : 'html' in item.content ? htmlToMarkdown(item.content.html, {base: item.base}) : textToMarkdown(item.content.text);
	return loadPost({
		id,
		text: body,
		path: pathOf(item.link, `item-${index + 1}`),
		...(item.link ? {url: item.link} : {}),
		frontmatter: false,
		given: {source: 'feed', fields: {title: item.title, date: item.date, updated: item.updated, tags: item.tags, author: item.author, description: item.summary}},
	});
}

function feedPosts(feed: Feed, feedUrl: string): Post[] {
	const taken = new Set<string>();
	return feed.items.map((item, index) => itemPost(item, index, feedUrl, taken));
}

function pagePost(text: string, kind: Exclude<Kind, 'feed'>, url: string): Post {
	const path = pathOf(url, 'index');
	if (kind === 'markdown') {
		return loadPost({id: url, text, path, url});
	}

	const body = htmlToMarkdown(text, {base: url, page: true});
	const fields = pageFields(text);
	// A page whose article opens with its own H1 gets its title from it, so it is not shown twice.
	const hasHeading = /^# /m.test(body);
	return loadPost({id: url, text: body, path, url, frontmatter: false, given: {source: 'page', fields: {...fields, title: hasHeading ? undefined : fields.title}}});
}

type Fetched = {response: FetchResponse; resolvedUrl: string};

async function fetchSource(url: string, previous: CachedResponse | undefined, options: RemoteOptions): Promise<Fetched> {
	const common = {accept, ...(options.limits ? {limits: options.limits} : {}), ...(options.onProgress ? {onProgress: options.onProgress} : {})};
	// Ask the feed found last time directly, with its validators: a site page is only read to find it.
	const target = previous?.resolvedUrl ?? url;
	const response = await httpFetch({...common, url: target, etag: previous?.etag, lastModified: previous?.lastModified});
	if (response.status === 304 || previous?.resolvedUrl !== undefined && previous.resolvedUrl !== url) {
		return {response, resolvedUrl: target};
	}

	const {text} = decodeResponse(response.bytes, response.contentType);
	if (kindOf(text, response.contentType) !== 'page') {
		return {response, resolvedUrl: response.url};
	}

	const feed = discoverFeeds(text, response.url)[0];
	if (feed === undefined) {
		return {response, resolvedUrl: response.url};
	}

	return {response: await httpFetch({...common, url: feed}), resolvedUrl: feed};
}

function postsOf(bytes: Buffer, contentType: string | undefined, resolvedUrl: string): {posts: Post[]; title: string | undefined; warnings: string[]} {
	const {text, warnings} = decodeResponse(bytes, contentType);
	const kind = kindOf(text, contentType);
	if (kind === 'feed') {
		const feed = parseFeed(text, resolvedUrl);
		return {posts: feedPosts(feed, resolvedUrl), title: feedTitle(feed.title), warnings};
	}

	return {posts: [pagePost(text, kind, resolvedUrl)], title: undefined, warnings};
}

function label(url: string, title: string | undefined): string {
	return title ? `${title} (${shortUrl(url)})` : shortUrl(url);
}

/** A feed's own title, as one clean line: it is shown in every header. */
function feedTitle(title: string | undefined): string | undefined {
	return title === undefined ? undefined : cleanText(title, 120) || undefined;
}

function problemsOf(url: string, posts: Post[], warnings: string[]): Problem[] {
	return [
		...warnings.map(problem => ({path: shortUrl(url), absolutePath: url, problem})),
		...posts.flatMap(post => post.warnings.map(problem => ({path: post.path, absolutePath: post.id, problem, slug: post.slug}))),
	];
}

function fromCopy(url: string, copy: CachedResponse, reason: string, now: number): RemoteLibrary {
	const {posts, title, warnings} = postsOf(copy.bytes, copy.contentType, copy.resolvedUrl);
	const age = describeAge(now - copy.fetchedAt);
	const note = `${reason} — showing the copy saved ${age} ago`;
	return {
		root: url,
		// First, so a header cut to the terminal's width still says it.
		label: `offline copy, ${age} old · ${label(url, title)}`,
		name: title ?? shortUrl(url),
		posts,
		problems: [{path: shortUrl(url), absolutePath: url, problem: note}, ...problemsOf(url, posts, warnings)],
		offline: {reason, fetchedAt: copy.fetchedAt},
	};
}

/**
 * Reads a feed, a site (through the feed its page announces), a Markdown file or an article page
 * at `url` into posts. A copy is kept in the cache; when the network fails, or the answer cannot be
 * read, the last good copy is used and a problem says so. Throws only when there is no copy.
 */
export async function readRemote(url: string, options: RemoteOptions = {}): Promise<RemoteLibrary> {
	const now = options.now ?? Date.now;
	const previous = options.cache?.get(url);
	let fetched: Fetched;
	try {
		fetched = await fetchSource(url, previous, options);
	} catch (error) {
		const reason = error instanceof FetchError ? error.message : String(error);
		if (previous) {
			return fromCopy(url, previous, reason, now());
		}

		throw new FetchError(reason);
	}

	const {response, resolvedUrl} = fetched;
	const current: CachedResponse = response.status === 304 && previous
		? {...previous, fetchedAt: now()}
		: {url, resolvedUrl, contentType: response.contentType, etag: response.etag, lastModified: response.lastModified, fetchedAt: now(), bytes: response.bytes};
	let read;
	try {
		read = postsOf(current.bytes, current.contentType, current.resolvedUrl);
	} catch (error) {
		const reason = `${resolvedUrl === url ? '' : `${shortUrl(resolvedUrl)}: `}${error instanceof FeedError ? error.message : String(error)}`;
		if (previous && response.status !== 304) {
			return fromCopy(url, previous, reason, now());
		}

		throw new FeedError(reason);
	}

	options.cache?.set(current);
	return {root: url, label: label(url, read.title), name: read.title ?? shortUrl(url), posts: read.posts, problems: problemsOf(url, read.posts, read.warnings)};
}
