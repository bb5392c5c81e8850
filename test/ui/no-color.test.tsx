import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import type {Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import type {TextStyle} from '../../source/ui/text-style.js';
import {frameWhere} from './frame-where.js';
import {library} from './reader/fixture.js';

// NO_COLOR renders articles without any escape: the reader adds only its own marks.
const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 0, hyperlinks: false});
const colour = /\u001B\[(?:[\d;]*;)?(?:3\d|4\d|9[0-7]|10[0-7])(?:;[\d;]*)?m/;
const inverse = /\u001B\[(?:[\d;]*;)?7(?:;[\d;]*)?m/;
const underline = /\u001B\[(?:[\d;]*;)?4(?:;[\d;]*)?m/;
const bold = /\u001B\[(?:[\d;]*;)?1(?:;[\d;]*)?m/;
const plain = (frame: string) => frame.replaceAll(/\u001B\[[\d;]*m/g, '');

function start(textStyle: TextStyle) {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle} textStyle={textStyle}/>);
	Object.defineProperty(app.stdout, 'columns', {value: 80, configurable: true});
	Object.defineProperty(app.stdout, 'rows', {value: 24, configurable: true});
	app.stdout.emit('resize');
	return app;
}

/** The SGR parameters in force right where `text` starts (Ink may split `4;7` into two sequences). */
function paramsBefore(frame: string, text: string): Set<string> {
	const run = new RegExp(`((?:\u001B\\[[\\d;]*m)+)${text}`).exec(frame)?.[1] ?? '';
	return new Set(run.replaceAll('\u001B[', '').split(/[;m]/).filter(Boolean));
}

const lineWith = (frame: string, text: string) => frame.split('\n').find(line => plain(line).includes(text)) ?? '';

test('NO_COLOR: the selected row, filter matches, search matches and the focused link keep bold, underline and inverse, with no colour', async () => {
	const app = start({colour: false, attributes: true});
	try {
		const list = await frameWhere(app, frame => frame.includes('Notes on moss'), 'the list');
		assert.match(lineWith(list, '▸'), inverse, 'the selected row is inverse');
		assert.doesNotMatch(list, colour, 'no colour anywhere');
		app.stdin.write('/moss');
		const filtered = await frameWhere(app, frame => plain(frame).includes('1 match'), 'the filter');
		assert.match(lineWith(filtered, 'Notes on moss'), underline, 'the matched letters are underlined');
		assert.doesNotMatch(filtered, colour);
		app.stdin.write('\u001B');
		await frameWhere(app, frame => plain(frame).includes('A field guide'), 'the list again');
		app.stdin.write('g\r');
		await frameWhere(app, frame => plain(frame).includes('An opening paragraph'), 'the guide');
		app.stdin.write('\t');
		const focused = await frameWhere(app, frame => plain(frame).includes('→ #setup'), 'the first link focused');
		assert.deepEqual(paramsBefore(lineWith(focused, 'An opening paragraph'), 'the setup'), new Set(['4', '7']), 'the focused link is underlined and inverse');
		app.stdin.write('\u001B/paragraph\r');
		const searched = await frameWhere(app, frame => /1\/\d+/.test(plain(frame)), 'a search');
		const current = [...searched.matchAll(/((?:\u001B\[[\d;]*m)+)[Pp]aragraph/g)].map(match => paramsBefore(match[0], '[Pp]aragraph'));
		assert.ok(current.some(params => params.has('1') && params.has('4') && params.has('7')), 'the current match is bold, underlined, inverse');
		assert.ok(current.some(params => params.has('7') && !params.has('1')), 'the other matches are inverse');
		assert.doesNotMatch(searched, colour);
		assert.match(searched, bold);
	} finally {
		app.unmount();
	}
});

test('TERM=dumb (no attributes either): the screen carries no escape at all', async () => {
	const app = start({colour: false, attributes: false});
	try {
		await frameWhere(app, frame => frame.includes('Notes on moss'), 'the list');
		app.stdin.write('/moss');
		const filtered = await frameWhere(app, frame => frame.includes('1 match'), 'the filter');
		assert.doesNotMatch(filtered, /\u001B/);
	} finally {
		app.unmount();
	}
});

test('with colour the focus is still marked, now in colour', async () => {
	const app = start({colour: true, attributes: true});
	try {
		const list = await frameWhere(app, frame => frame.includes('Notes on moss'), 'the list');
		assert.match(lineWith(list, '▸'), inverse);
		assert.match(list, colour, 'tags are coloured');
	} finally {
		app.unmount();
	}
});
