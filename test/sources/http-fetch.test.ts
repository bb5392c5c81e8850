import assert from 'node:assert/strict';
import http from 'node:http';
import net, {type AddressInfo} from 'node:net';
import {after, before, test} from 'node:test';
import {FetchError, httpFetch, redirectTarget} from '../../source/sources/http-fetch.js';
import {type FeedServer, startFeedServer} from './feed-server.js';

let server: FeedServer;
before(async () => {
	server = await startFeedServer();
});
after(async () => {
	await server.close();
});

async function failure(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof FetchError, `a FetchError, not ${String(error)}`);
		return error.message;
	}

	assert.fail('expected the fetch to fail');
}

test('a plain answer comes back with its type and validators', async () => {
	const response = await httpFetch({url: server.url('/rss.xml')});
	assert.equal(response.status, 200);
	assert.match(response.contentType ?? '', /rss\+xml/);
	assert.ok(response.etag);
	assert.match(response.bytes.toString('utf8'), /Compost that actually heats up/);
});

test('gzip and brotli bodies are unpacked', async () => {
	const gzip = await httpFetch({url: server.url('/gzip.xml')});
	assert.match(gzip.bytes.toString('utf8'), /<rss version="2.0"/);
	const brotli = await httpFetch({url: server.url('/brotli.json')});
	assert.equal(JSON.parse(brotli.bytes.toString('utf8')).title, 'Small Kernel Notes');
});

test('a conditional request with the ETag gets 304 and no body', async () => {
	const first = await httpFetch({url: server.url('/atom.xml')});
	const again = await httpFetch({url: server.url('/atom.xml'), etag: first.etag, lastModified: first.lastModified});
	assert.equal(again.status, 304);
	assert.equal(again.bytes.length, 0);
	assert.equal(server.notModified.get('/atom.xml'), 1);
});

test('a redirect is followed; a redirect loop stops after 5', async () => {
	const moved = await httpFetch({url: server.url('/moved')});
	assert.equal(moved.url, server.url('/rss.xml'));
	const before = server.hits.get('/loop') ?? 0;
	assert.match(await failure(httpFetch({url: server.url('/loop')})), /^more than 5 redirects/);
	assert.equal((server.hits.get('/loop') ?? 0) - before, 6, 'the first request and five redirects');
	assert.match(await failure(httpFetch({url: server.url('/loop'), limits: {maxRedirects: 1}})), /^more than 1 redirects/);
});

test('a server that never answers is given up on at the total timeout', async () => {
	assert.equal(await failure(httpFetch({url: server.url('/slow.xml'), limits: {totalTimeoutMs: 300}})), 'timed out after 300 ms');
});

test('a TLS handshake that never ends is given up on at the connect timeout', async () => {
	// The socket connects but never speaks TLS: the connection is not up until the handshake is done.
	const silent = net.createServer(() => undefined);
	const sockets = new Set<net.Socket>();
	silent.on('connection', socket => sockets.add(socket));
	await new Promise<void>(resolve => {
		silent.listen(0, '127.0.0.1', resolve);
	});
	try {
		const port = (silent.address() as AddressInfo).port;
		const message = await failure(httpFetch({url: `https://127.0.0.1:${port}/feed`, limits: {connectTimeoutMs: 200, totalTimeoutMs: 60_000}}));
		assert.equal(message, `could not connect to 127.0.0.1:${port} within 200 ms`);
	} finally {
		for (const socket of sockets) {
			socket.destroy();
		}

		silent.close();
	}
});

test('a 30 MB body streamed without a length is cut off at the 10 MB cap', async () => {
	const progress: number[] = [];
	const message = await failure(httpFetch({url: server.url('/huge.xml'), onProgress: received => progress.push(received)}));
	assert.equal(message, 'larger than the 10 MB limit: not read');
	assert.ok(progress.at(-1)! <= 11 * 1024 * 1024, `stopped reading near the cap, not at ${progress.at(-1)}`);
	assert.ok(progress.length > 1, 'progress is reported while the body arrives');
});

test('a compressed body that unpacks past the cap is refused', async () => {
	const zlib = await import('node:zlib');
	const bomb = http.createServer((_request, response) => {
		response.writeHead(200, {'content-encoding': 'gzip'});
		response.end(zlib.gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)));
	});
	await new Promise<void>(resolve => {
		bomb.listen(0, '127.0.0.1', resolve);
	});
	try {
		const url = `http://127.0.0.1:${(bomb.address() as AddressInfo).port}/`;
		assert.equal(await failure(httpFetch({url, limits: {maxBytes: 1024 * 1024}})), 'larger than the 1 MB limit: not read');
	} finally {
		bomb.close();
	}
});

test('https never redirects to plain http, and only http(s) addresses are read', async () => {
	assert.match(await failure(httpFetch({url: 'file:///etc/passwd'})), /^file: addresses are not read/);
	const from = new URL('https://blog.example/feed.xml');
	assert.throws(() => redirectTarget(from, 'http://blog.example/feed.xml', 0, 5), /redirected from https to plain http \(blog\.example\): refused/);
	assert.equal(redirectTarget(from, '/new/feed.xml', 0, 5).href, 'https://blog.example/new/feed.xml');
	assert.equal(redirectTarget(new URL('http://blog.example/'), 'https://blog.example/', 0, 5).href, 'https://blog.example/', 'an upgrade is fine');
	assert.throws(() => redirectTarget(from, '/x', 5, 5), /more than 5 redirects/);
});

test('HTTP errors and refused connections say what happened', async () => {
	assert.equal(await failure(httpFetch({url: server.url('/nothing-here')})), 'HTTP 404 Not Found');
	const closed = http.createServer();
	await new Promise<void>(resolve => {
		closed.listen(0, '127.0.0.1', resolve);
	});
	const port = (closed.address() as AddressInfo).port;
	await new Promise<void>(resolve => {
		closed.close(() => resolve());
	});
	assert.equal(await failure(httpFetch({url: `http://127.0.0.1:${port}/`})), 'connection refused');
});
