import http from 'node:http';
import https from 'node:https';
import type {Readable} from 'node:stream';
import zlib from 'node:zlib';

export type FetchLimits = {
	/** From the request until the connection (and TLS) is up. Default 10 s. */
	connectTimeoutMs: number;
	/** The whole fetch, redirects included. Default 30 s. */
	totalTimeoutMs: number;
	/** Body bytes per response, after decompression; the download stops past it. Default 10 MB. */
	maxBytes: number;
	/** Default 5. */
	maxRedirects: number;
};

export const defaultFetchLimits: FetchLimits = {connectTimeoutMs: 10_000, totalTimeoutMs: 30_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5};

export type FetchRequest = {
	url: string;
	/** Validators of a copy already held: a 304 answer means it is still current. */
	etag?: string | undefined;
	lastModified?: string | undefined;
	accept?: string;
	limits?: Partial<FetchLimits>;
	/** Bytes received so far and the announced total, when the server gave one. */
	onProgress?: (received: number, total: number | undefined) => void;
};

export type FetchResponse = {
	/** 304: not modified, `bytes` is empty. */
	status: 200 | 304;
	/** Where the body came from, after redirects. */
	url: string;
	bytes: Buffer;
	contentType: string | undefined;
	etag: string | undefined;
	lastModified: string | undefined;
};

/** A fetch that failed, with a message fit for the reader (`timed out after 30 s`, `HTTP 404 Not Found`). */
export class FetchError extends Error {}

const redirects = new Set([301, 302, 303, 307, 308]);

function seconds(ms: number): string {
	return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
	switch (encoding?.trim().toLowerCase()) {
		case 'gzip':
		case 'x-gzip': {
			return zlib.createGunzip();
		}

		case 'deflate': {
			return zlib.createInflate();
		}

		case 'br': {
			return zlib.createBrotliDecompress();
		}

		default: {
			return undefined;
		}
	}
}

function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

type Hop = {kind: 'redirect'; location: string} | {kind: 'done'; response: FetchResponse};

function requestOnce(url: URL, request: FetchRequest, limits: FetchLimits, signal: AbortSignal): Promise<Hop> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string> = {
			'accept-encoding': 'gzip, deflate, br',
			'user-agent': 'blog-tui (terminal blog reader)',
			accept: request.accept ?? '*/*',
		};
		if (request.etag) {
			headers['if-none-match'] = request.etag;
		}

		if (request.lastModified) {
			headers['if-modified-since'] = request.lastModified;
		}

		const client = url.protocol === 'https:' ? https : http;
		// No agent: every fetch gets its own connection, so the connect timer always measures a real connect.
		const outgoing = client.request(url, {method: 'GET', headers, agent: false, signal});
		const connectTimer = setTimeout(() => {
			outgoing.destroy(new FetchError(`could not connect to ${url.host} within ${seconds(limits.connectTimeoutMs)}`));
		}, limits.connectTimeoutMs);
		outgoing.on('socket', socket => {
			socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
				clearTimeout(connectTimer);
			});
		});
		outgoing.on('error', error => {
			clearTimeout(connectTimer);
			reject(error);
		});
		outgoing.on('response', incoming => {
			clearTimeout(connectTimer);
			const status = incoming.statusCode ?? 0;
			const location = header(incoming.headers.location);
			if (redirects.has(status) && location) {
				incoming.resume();
				resolve({kind: 'redirect', location});
				return;
			}

			const common = {
				url: url.href,
				contentType: header(incoming.headers['content-type']),
				etag: header(incoming.headers.etag),
				lastModified: header(incoming.headers['last-modified']),
			};
			if (status === 304) {
				incoming.resume();
				resolve({kind: 'done', response: {...common, status: 304, bytes: Buffer.alloc(0)}});
				return;
			}

			if (status < 200 || status > 299) {
				incoming.resume();
				reject(new FetchError(`HTTP ${status}${incoming.statusMessage ? ` ${incoming.statusMessage}` : ''}`));
				return;
			}

			const announced = Number(header(incoming.headers['content-length']));
			const total = Number.isFinite(announced) && announced >= 0 ? announced : undefined;
			const encoding = header(incoming.headers['content-encoding']);
			if (total !== undefined && total > limits.maxBytes && decoder(encoding) === undefined) {
				incoming.destroy();
				reject(tooBig(limits.maxBytes));
				return;
			}

			const decompress = decoder(encoding);
			const body: Readable = decompress ? incoming.pipe(decompress) : incoming;
			const chunks: Buffer[] = [];
			let size = 0;
			let received = 0;
			incoming.on('data', (chunk: Buffer) => {
				received += chunk.length;
				request.onProgress?.(received, total);
			});
			body.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > limits.maxBytes) {
					// Stop reading at once: a compressed body can unpack to far more than was sent.
					reject(tooBig(limits.maxBytes));
					incoming.destroy();
					decompress?.destroy();
					return;
				}

				chunks.push(chunk);
			});
			body.on('error', error => {
				reject(new FetchError(`the body could not be read: ${error.message}`));
			});
			incoming.on('aborted', () => {
				reject(new FetchError('the connection closed before the body ended'));
			});
			body.on('end', () => {
				resolve({kind: 'done', response: {...common, status: 200, bytes: Buffer.concat(chunks)}});
			});
		});
		outgoing.end();
	});
}

/** Where a redirect leads, or why it is not followed: too many hops, a downgrade to http, not an address. */
export function redirectTarget(from: URL, location: string, hops: number, maxRedirects: number): URL {
	if (hops >= maxRedirects) {
		throw new FetchError(`more than ${maxRedirects} redirects (last to ${location.slice(0, 200)})`);
	}

	let next: URL;
	try {
		next = new URL(location, from);
	} catch {
		throw new FetchError(`redirected to something that is not an address: ${location.slice(0, 200)}`);
	}

	if (from.protocol === 'https:' && next.protocol === 'http:') {
		throw new FetchError(`redirected from https to plain http (${next.host}): refused`);
	}

	return next;
}

function tooBig(maxBytes: number): FetchError {
	return new FetchError(`larger than the ${Math.round(maxBytes / 1024 / 1024 * 10) / 10} MB limit: not read`);
}

function describe(error: unknown): FetchError {
	if (error instanceof FetchError) {
		return error;
	}

	const code = (error as NodeJS.ErrnoException).code;
	const message = error instanceof Error ? error.message : String(error);
	switch (code) {
		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return new FetchError(`no such host (${message.replace(/^getaddrinfo \w+ /, '')})`);
		}

		case 'ECONNREFUSED': {
			return new FetchError('connection refused');
		}

		case 'ECONNRESET': {
			return new FetchError('the connection was reset');
		}

		default: {
			return new FetchError(message);
		}
	}
}

/**
 * GETs `request.url` with node's own http/https (the bundle defines `fetch` away for yoga's wasm):
 * bounded in time, size and redirects, decompressed, never downgraded from https to http.
 * Throws a `FetchError` whose message says what went wrong.
 */
export async function httpFetch(request: FetchRequest): Promise<FetchResponse> {
	const limits = {...defaultFetchLimits, ...request.limits};
	const controller = new AbortController();
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		controller.abort();
	}, limits.totalTimeoutMs);
	try {
		let url = new URL(request.url);
		for (let hops = 0; ; hops++) {
			if (url.protocol !== 'http:' && url.protocol !== 'https:') {
				throw new FetchError(`${url.protocol} addresses are not read: only http and https`);
			}

			let hop: Hop;
			try {
				// Only the first request carries the validators: they belong to that URL's copy.
				hop = await requestOnce(url, hops === 0 ? request : {...request, etag: undefined, lastModified: undefined}, limits, controller.signal);
			} catch (error) {
				throw timedOut ? new FetchError(`timed out after ${seconds(limits.totalTimeoutMs)}`) : describe(error);
			}

			if (hop.kind === 'done') {
				return hop.response;
			}

			url = redirectTarget(url, hop.location, hops, limits.maxRedirects);
		}
	} finally {
		clearTimeout(timer);
	}
}
