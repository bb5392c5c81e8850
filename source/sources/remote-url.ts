// Apart from read-remote.ts so that naming an address does not load the feed parser and turndown.

export function isRemote(target: string): boolean {
	return /^https?:\/\//i.test(target);
}

/** `example.com/blog/feed.xml`: what headers and messages call an address. */
export function shortUrl(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}${parsed.search}`;
	} catch {
		return url;
	}
}
