import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before} from 'node:test';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

const fixtures = new URL('fixtures/', import.meta.url);

/** A fixture with `HOST` replaced by the server's own `127.0.0.1:port`. */
function fixture(name: string, host: string): string {
	return readFileSync(new URL(name, fixtures), 'utf8').replaceAll('HOST', host);
}

export type FeedServer = {
	/** `http://127.0.0.1:port` */
	origin: string;
	url: (path: string) => string;
	/** Requests seen per path, and how many were answered 304. */
	hits: Map<string, number>;
	notModified: Map<string, number>;
	/** Replaces what a path serves from now on. */
	serve: (path: string, body: string | Buffer, type: string) => void;
	close: () => Promise<void>;
};

const types: Record<string, string> = {
	'/rss.xml': 'application/rss+xml; charset=utf-8',
	'/atom.xml': 'application/atom+xml',
	'/feed.json': 'application/feed+json',
	'/site/': 'text/html; charset=utf-8',
	'/article.html': 'text/html; charset=utf-8',
	'/post.md': 'text/markdown; charset=utf-8',
	'/broken.xml': 'application/rss+xml',
	'/hostile.xml': 'application/rss+xml',
};
const files: Record<string, string> = {'/site/': 'site.html'};

/** Cyrillic text in an RSS feed sent as windows-1251 bytes, declared only in the XML declaration. */
function cp1251Feed(host: string): Buffer {
	const text = `<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Заметки о погоде</title><link>http://${host}/</link>
<item><title>Первый снег</title><link>http://${host}/snow</link><pubDate>Mon, 02 Dec 2024 08:00:00 +0300</pubDate><category>погода</category><description>&lt;p&gt;Снег выпал ночью.&lt;/p&gt;</description></item>
</channel></rss>`;
	return iconv.encode(text, 'windows-1251');
}

/**
 * The feed fixtures over HTTP on 127.0.0.1 and a port the system picks, plus the misbehaving
 * servers the fetcher must survive: slow, looping, huge, compressed, legacy charset.
 */
export async function startFeedServer(): Promise<FeedServer> {
	const hits = new Map<string, number>();
	const notModified = new Map<string, number>();
	const overrides = new Map<string, {body: Buffer; type: string}>();
	const sockets = new Set<import('node:net').Socket>();
	let host = '';
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		const path = url.pathname;
		hits.set(path, (hits.get(path) ?? 0) + 1);
		const send = (body: Buffer, type: string, extra: Record<string, string> = {}) => {
			const etag = `"${body.length}-${body.subarray(0, 64).toString('hex').slice(0, 16)}"`;
			if (request.headers['if-none-match'] === etag) {
				notModified.set(path, (notModified.get(path) ?? 0) + 1);
				response.writeHead(304, {etag});
				response.end();
				return;
			}

			response.writeHead(200, {'content-type': type, etag, 'last-modified': 'Sat, 01 Mar 2025 00:00:00 GMT', ...extra});
			response.end(body);
		};

		const override = overrides.get(path);
		if (override) {
			send(override.body, override.type);
			return;
		}

		if (types[path]) {
			send(Buffer.from(fixture(files[path] ?? path.slice(1), host)), types[path]!);
			return;
		}

		switch (path) {
			case '/gzip.xml': {
				send(zlib.gzipSync(fixture('rss.xml', host)), 'application/rss+xml', {'content-encoding': 'gzip'});
				return;
			}

			case '/brotli.json': {
				send(zlib.brotliCompressSync(fixture('feed.json', host)), 'application/feed+json', {'content-encoding': 'br'});
				return;
			}

			case '/cp1251.xml': {
				send(cp1251Feed(host), 'application/rss+xml');
				return;
			}

			case '/slow.xml': {
				// Answers nothing, ever: only the client's own timeout ends this.
				return;
			}

			case '/loop': {
				response.writeHead(302, {location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}`});
				response.end();
				return;
			}

			case '/moved': {
				response.writeHead(301, {location: '/rss.xml'});
				response.end();
				return;
			}

			case '/huge.xml': {
				// 30 MB generated as it is sent, with no length announced: the cap must stop the stream.
				response.writeHead(200, {'content-type': 'application/rss+xml'});
				response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
				const item = `<item><title>Filler</title><description>${'x'.repeat(1000)}</description></item>`;
				let sent = 0;
				const pump = () => {
					while (sent < 30 * 1024 * 1024) {
						sent += item.length;
						if (!response.write(item)) {
							response.once('drain', pump);
							return;
						}
					}

					response.end('</channel></rss>');
				};

				response.on('error', () => undefined);
				pump();
				return;
			}

			default: {
				response.writeHead(404, {'content-type': 'text/plain'});
				response.end('not here');
			}
		}
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
	const origin = `http://${host}`;
	return {
		origin,
		url: path => `${origin}${path}`,
		hits,
		notModified,
		serve(path, body, type) {
			overrides.set(path, {body: Buffer.isBuffer(body) ? body : Buffer.from(body), type});
		},
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise<void>(resolve => {
				server.close(() => resolve());
			});
		},
	};
}

/** For one test file: a feed server and an empty temporary folder, made before its tests and removed after them. */
export function feedServerForTests(prefix: string): {server: FeedServer; folder: string} {
	const setup = {} as {server: FeedServer; folder: string};
	before(async () => {
		setup.server = await startFeedServer();
		setup.folder = mkdtempSync(path.join(tmpdir(), `blog-tui-${prefix}-`));
	});
	after(async () => {
		await setup.server.close();
		rmSync(setup.folder, {recursive: true, force: true});
	});
	return setup;
}
