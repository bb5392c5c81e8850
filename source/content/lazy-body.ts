import type {Post} from './post.js';

/**
 * A post whose body is read when something first asks for it (the reader, full-text search), from
 * `readBody`; after that it is an ordinary property. Listing thousands of posts then keeps none of
 * their text alive, which is most of the memory, and of the garbage collector's work, of a list.
 */
export function withLazyBody(fields: Omit<Post, 'body'>, readBody: () => string): Post {
	const post = fields as Post;
	Object.defineProperty(post, 'body', {
		configurable: true,
		enumerable: true,
		get() {
			const body = readBody();
			Object.defineProperty(post, 'body', {value: body, writable: true, enumerable: true, configurable: true});
			return body;
		},
		set(value: string) {
			Object.defineProperty(post, 'body', {value, writable: true, enumerable: true, configurable: true});
		},
	});
	return post;
}

/** Reads a file again for its body: what `read` gives now (a file that became unreadable has none). */
export function bodyFrom(read: () => {post: Post} | {problem: string}): () => string {
	return () => {
		const again = read();
		return 'post' in again ? again.post.body : '';
	};
}

/** The post's fields without its body (a copy). */
export function withoutBody(post: Post): Omit<Post, 'body'> {
	const {body: _body, ...fields} = post;
	return fields;
}
