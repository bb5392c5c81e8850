import assert from 'node:assert/strict';
import {test} from 'node:test';
import iconv from 'iconv-lite';
import {decodeResponse} from '../../source/sources/decode-response.js';
import {parseFeed} from '../../source/sources/parse-feed.js';
import {discoverFeeds} from '../../source/sources/read-page.js';

test('the charset comes from a BOM, else the header, else the XML declaration or a meta tag, else UTF-8', () => {
	const greek = iconv.encode('<p>Καλημέρα</p>', 'windows-1253');
	assert.equal(decodeResponse(greek, 'text/html; charset="windows-1253"').text, '<p>Καλημέρα</p>');
	const meta = Buffer.concat([Buffer.from('<html><head><meta charset=shift_jis></head><body>'), iconv.encode('日本語', 'shift_jis')]);
	assert.match(decodeResponse(meta, 'text/html').text, /日本語$/);
	const declared = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-2"?><t>'), iconv.encode('Łódź', 'iso-8859-2')]);
	assert.match(decodeResponse(declared, 'application/xml').text, /Łódź$/);
	const bom = Buffer.concat([Buffer.from([0xFF, 0xFE]), iconv.encode('héllo', 'utf-16le')]);
	assert.equal(decodeResponse(bom, 'text/plain; charset=iso-8859-1').text, 'héllo', 'the BOM wins over the header');
	assert.deepEqual(decodeResponse(Buffer.from('plain\r\nlines'), undefined), {text: 'plain\nlines', charset: 'utf-8', warnings: []});
	assert.deepEqual(decodeResponse(Buffer.from('x'), 'text/plain; charset=klingon-8').warnings, ['unknown charset "klingon-8": read as UTF-8']);
});

test('RSS 1.0 (RDF) items are read; a permalink guid stands in for a missing link', () => {
	const rdf = parseFeed(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Old Style</title><link>https://old.example/</link></channel>
<item><title>First</title><link>https://old.example/first</link><dc:date>2003-05-01T10:00:00Z</dc:date><dc:subject>history</dc:subject></item>
</rdf:RDF>`, 'https://old.example/index.rdf');
	assert.equal(rdf.format, 'RSS');
	assert.deepEqual(rdf.items.map(item => [item.title, item.link, item.date, item.tags]), [['First', 'https://old.example/first', '2003-05-01T10:00:00Z', ['history']]]);
	const guid = parseFeed('<rss version="2.0"><channel><title>G</title><item><title>Only a guid</title><guid>/posts/only-guid</guid></item></channel></rss>', 'https://g.example/feed');
	assert.equal(guid.items[0]?.link, 'https://g.example/posts/only-guid');
});

test('XML entity expansion cannot blow a feed up', () => {
	const levels = ['<!ENTITY a "aaaaaaaaaa">', ...Array.from({length: 6}, (_, index) => `<!ENTITY ${String.fromCodePoint(98 + index)} "${`&${String.fromCodePoint(97 + index)};`.repeat(10)}">`)];
	const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${levels.join('')}]><rss version="2.0"><channel><title>&g;</title><item><title>&g;&g;&g;</title></item></channel></rss>`;
	let size = 0;
	try {
		const feed = parseFeed(bomb, 'https://bomb.example/feed');
		size = JSON.stringify(feed).length;
	} catch (error) {
		assert.match(String(error), /entit/i, 'refused for its entities');
	}

	assert.ok(size < 1_000_000, `expanded to ${size} characters`);
});

test('JSON that is not a JSON Feed, and XML that is not a feed, say so', () => {
	assert.throws(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1"}', 'https://x.example/'), {message: 'not a JSON Feed: no "items" list'});
	assert.throws(() => parseFeed('{"items": [', 'https://x.example/'), {message: /^not a valid JSON Feed: /});
	assert.throws(() => parseFeed('<html><body>hi</body></html>', 'https://x.example/'), {message: 'not a feed: XML with no <rss>, <feed> or <rdf:RDF> in it'});
});

test('feed discovery: alternate links of feed types only, resolved against <base>, in page order', () => {
	const page = `<head><base href="https://cdn.example/blog/">
<link rel="stylesheet" href="a.css"><link rel="alternate" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/feed+json" href="feed.json">
<link type="application/atom+xml" rel="alternate home" href='atom.xml'>
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<LINK REL="ALTERNATE" TYPE="application/rss+xml" HREF="https://other.example/rss?a=1&amp;b=2"></head>`;
	assert.deepEqual(discoverFeeds(page, 'https://site.example/'), ['https://cdn.example/blog/feed.json', 'https://cdn.example/blog/atom.xml', 'https://other.example/rss?a=1&b=2']);
});
