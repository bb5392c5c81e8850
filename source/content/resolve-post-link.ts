import path from 'node:path';
import type {Post} from './post.js';

export type ResolvedPostLink = {post: Post; /** The `#fragment`, decoded, without `#`. */ anchor?: string};

const markdownExtension = /\.(?:md|markdown|mdx|html?)$/i;
// Jekyll and Hugo file names often carry the date the site's URLs leave out.
const datePrefix = /^\d{4}-\d{2}-\d{2}-/;

function decode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function withoutExtension(file: string): string {
	return file.replace(markdownExtension, '');
}

function byPath(posts: Post[], wanted: string): Post | undefined {
	const exact = posts.find(post => post.path === wanted);
	if (exact) {
		return exact;
	}

	const lower = wanted.toLowerCase();
	const bare = withoutExtension(lower);
	return posts.find(post => post.path.toLowerCase() === lower)
		// `other` for `other.md`, `2024/hello/` for a page bundle's `2024/hello/index.md`.
		?? posts.find(post => {
			const candidate = withoutExtension(post.path.toLowerCase());
			return candidate === bare || candidate === `${bare.replace(/\/$/, '')}/index`;
		});
}

function bySlug(posts: Post[], name: string): Post | undefined {
	const wanted = withoutExtension(name).replace(datePrefix, '').toLowerCase();
	return wanted === '' ? undefined : posts.find(post => post.slug.toLowerCase() === wanted);
}

function withoutFragment(url: string): string {
	return url.replace(/#.*$/, '').replace(/\/$/, '');
}

/** A link to another item of the same feed: an absolute address some post was read from. */
function byUrl(target: string, posts: Post[]): ResolvedPostLink | undefined {
	const wanted = withoutFragment(target);
	const post = posts.find(candidate => candidate.url !== undefined && withoutFragment(candidate.url) === wanted);
	const hash = target.indexOf('#');
	const anchor = hash === -1 ? '' : decode(target.slice(hash + 1));
	return post ? (anchor === '' ? {post} : {post, anchor}) : undefined;
}

/**
 * The post a link in `from` points at, the way authors write links between posts: relative to the
 * post's file (`other.md`, `../2024/other.md`), as a path on the site (`/posts/other`,
 * `/2024/01/05/other.html`), or as a slug; an absolute `http(s)` address only as the `url` of a post
 * read from the web. Undefined when no post in `posts` matches.
 */
export function resolvePostLink(target: string, from: Pick<Post, 'path'>, posts: Post[]): ResolvedPostLink | undefined {
	if (/^https?:\/\//i.test(target)) {
		return byUrl(target, posts);
	}

	const hash = target.indexOf('#');
	const address = (hash === -1 ? target : target.slice(0, hash)).replace(/\?.*$/, '');
	const anchor = hash === -1 ? undefined : decode(target.slice(hash + 1));
	const decoded = decode(address).replaceAll('\\', '/');
	if (decoded.trim() === '') {
		return undefined;
	}

	const relative = decoded.startsWith('/') ? undefined : path.posix.normalize(path.posix.join(path.posix.dirname(from.path), decoded));
	const segments = decoded.split('/').filter(segment => segment !== '' && segment !== '.' && segment !== '..');
	const last = segments.at(-1) === 'index.md' || segments.at(-1) === 'index.html' ? segments.at(-2) : segments.at(-1);
	const post = (relative === undefined || relative.startsWith('../') ? undefined : byPath(posts, relative))
		?? (last === undefined ? undefined : bySlug(posts, last))
		// A site path that repeats the folder layout: `/posts/2024/other` for `2024/other.md`.
		?? (segments.length > 1 ? posts.find(post => withoutExtension(`/${post.path.toLowerCase()}`).endsWith(`/${withoutExtension(segments.join('/').toLowerCase())}`)) : undefined);
	if (!post) {
		return undefined;
	}

	return anchor === undefined || anchor === '' ? {post} : {post, anchor};
}
