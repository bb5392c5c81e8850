import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {RenderedArticle} from '../../../source/render/article.js';
import {type KeyPress, toKeyPresses} from '../../../source/ui/keys.js';
import {initialReaderState, type ReaderEffect, readerReducer, type ReaderState, settle} from '../../../source/ui/reader/reader-state.js';
import {guide, library, moss, rendered} from './fixture.js';

const rows = 10;
const articles = new Map([[guide.id, rendered(guide)], [moss.id, rendered(moss)]]);

function key(name: string, modifiers: Partial<KeyPress> = {}): KeyPress {
	return {name, ctrl: false, shift: false, ...modifiers};
}

/** Applies keys as the screen does: each with the article of the post being read at that moment. */
function press(state: ReaderState, ...keys: Array<string | KeyPress>): {state: ReaderState; effects: ReaderEffect[]} {
	const effects: ReaderEffect[] = [];
	let current = state;
	for (const each of keys) {
		const presses = typeof each === 'string' ? [...each].map(character => key(character)) : [each];
		for (const one of presses) {
			const article = articles.get(current.post.id);
			const step = readerReducer(current, {type: 'key', key: one}, {article, articleFor: current.post.id, rows, posts: library.posts, outlineFits: false});
			current = step.state;
			if (step.effect) {
				effects.push(step.effect);
			}
		}
	}

	return {state: settle(current, {article: articles.get(current.post.id), articleFor: current.post.id, rows}), effects};
}

const guideArticle = articles.get(guide.id)!;
const headingLine = (id: string) => guideArticle.headings.find(heading => heading.id === id)!.line;
const start = initialReaderState(guide);

test('pager keys: j/k a line, space/b a page, d/u half a page, g/G the ends, jjjj four lines', () => {
	assert.equal(press(start, 'jjjj').state.top, 4);
	assert.equal(press(start, 'jjjjk').state.top, 3);
	assert.equal(press(start, ' ').state.top, rows - 1);
	assert.equal(press(start, '  b').state.top, rows - 1);
	assert.equal(press(start, 'd').state.top, rows / 2);
	assert.equal(press(start, 'ddu').state.top, rows / 2);
	assert.equal(press(start, 'G').state.top, guideArticle.lines.length - rows);
	assert.equal(press(start, 'Gg').state.top, 0);
	assert.equal(press(start, key('down'), key('pagedown')).state.top, rows);
	assert.equal(press(start, 'k').state.top, 0, 'never above the first line');
	assert.equal(press(start, 'GjJj').state.top, guideArticle.lines.length - rows, 'scrolling stops at the end');
});

test('t opens the menu on the section being read; typing narrows; Down Down Enter in one write picks the third', () => {
	const inSetup = press(start, ']', ']', 'jj').state;
	assert.equal(inSetup.top, headingLine('setup') + 2);
	const menu = press(inSetup, 't').state;
	assert.equal(menu.mode, 'menu');
	assert.equal(menu.menu.cursor, 1, 'the section being read is highlighted');

	const batched = press(start, 't', ...toKeyPresses('\u001B[B', {downArrow: true} as never), ...toKeyPresses('\u001B[B', {downArrow: true} as never), key('return')).state;
	assert.equal(batched.mode, 'read');
	assert.equal(batched.top, headingLine('fine-tuning'), 'the third heading is the top line');

	const narrowed = press(start, 't', 'wrap').state;
	assert.equal(narrowed.menu.query, 'wrap');
	assert.equal(press(narrowed, key('return')).state.top, headingLine('wrapping-up'), 'a jump near the end still puts the heading on top');
	assert.equal(press(start, 't', 'q').state.menu.query, 'q', 'q is a letter in the menu');
	assert.equal(press(start, 't', 'zzz', key('return')).state.top, 0, 'nothing matches: Enter does nothing');
	assert.equal(press(start, 't', key('escape')).state.mode, 'read');
});

test('] and [ move between headings, with a message past the last', () => {
	let {state} = press(start, ']');
	assert.equal(state.top, headingLine('overview'));
	state = press(state, ']', ']').state;
	assert.equal(state.top, headingLine('fine-tuning'));
	state = press(state, '[').state;
	assert.equal(state.top, headingLine('setup'));
	state = press(state, ']]]').state;
	assert.equal(state.message, 'no heading below');
});

test('Tab highlights links in view in order; Enter on #setup jumps, and Esc comes back to the same spot', () => {
	let {state} = press(start, 'j', key('tab'));
	assert.equal(guideArticle.links[state.link!]!.target, '#setup');
	state = press(state, key('tab')).state;
	assert.equal(guideArticle.links[state.link!]!.target, 'notes/moss.md');
	state = press(state, key('tab', {shift: true})).state;
	assert.equal(guideArticle.links[state.link!]!.target, '#setup');
	const jumped = press(state, key('return')).state;
	assert.equal(jumped.top, headingLine('setup'));
	assert.equal(jumped.history.length, 1);
	const back = press(jumped, key('escape'));
	assert.equal(back.state.top, 1, 'the same line as before the jump');
	assert.deepEqual(back.effects, []);
	assert.deepEqual(press(back.state, key('escape')).effects, [{type: 'back'}], 'then Esc leaves for the list');
});

test('a link to another post opens it; Esc returns to the first post at the same spot', () => {
	const opened = press(start, 'jj', key('tab'), key('tab'), key('return')).state;
	assert.equal(opened.post, moss);
	assert.equal(opened.top, 0);
	const back = press(opened, 'j', key('backspace')).state;
	assert.equal(back.post, guide);
	assert.equal(back.top, 2);
});

test('keys batched after a link to another post apply to the new post, not the old one', () => {
	// Tab, Enter and j in one write: j arrives before the moss article is rendered.
	const article = articles.get(guide.id);
	let state = press(start, key('tab'), key('tab')).state;
	for (const each of [key('return'), key('j'), key('j')]) {
		state = readerReducer(state, {type: 'key', key: each}, {article, articleFor: guide.id, rows, posts: library.posts, outlineFits: false}).state;
	}

	assert.equal(state.post, moss);
	assert.equal(state.history[0]!.top, 0, 'the old post did not scroll');
});

test('an anchor that exists nowhere, and an external link, say so in the status bar', () => {
	const missing = press(start, key('tab'), key('tab'), key('tab'), key('return')).state;
	assert.equal(missing.message, 'no #Not-There in this post');
	assert.equal(missing.top, 0);
	const external = press(start, key('tab'), key('tab'), key('tab'), key('tab'), key('return')).state;
	assert.equal(external.message, 'link: https://example.com/page');
	assert.equal(press(external, 'j').state.message, undefined, 'the message lasts until the next key');
});

test('/ searches with smart case: Enter goes to the first match, n/N step and wrap, Esc clears', () => {
	let {state} = press(start, '/', 'terminal', key('return'));
	assert.equal(state.mode, 'read');
	assert.equal(state.search?.term, 'terminal');
	assert.equal(state.search?.current, 0);
	const line = guideArticle.plain.findIndex(text => /terminal/i.test(text));
	assert.ok(line >= state.top && line < state.top + rows, 'the first match is in view');
	state = press(state, 'n').state;
	assert.equal(state.search?.current, 1);
	state = press(state, 'nn').state;
	assert.equal(state.search?.current, 0, 'three matches in any case, then back to the first');
	state = press(state, 'N').state;
	assert.equal(state.search?.current, 2);
	assert.equal(press(start, '/', 'TERMINAL', key('return'), 'n').state.search?.current, 0, 'a capital makes the search exact: one match');
	const cleared = press(state, key('escape'));
	assert.equal(cleared.state.search, undefined);
	assert.deepEqual(cleared.effects, [], 'Esc cleared the search, the post stays open');
	assert.equal(press(start, '/', 'no such words', key('return')).state.message, 'no match for “no such words”');
	assert.equal(press(start, '/', 'abc', key('escape')).state.search, undefined, 'Esc while typing cancels');
});

test('? opens the help and Esc closes it; q and Ctrl-C quit', () => {
	const help = press(start, '?').state;
	assert.equal(help.mode, 'help');
	assert.equal(press(help, key('escape')).state.mode, 'read');
	assert.deepEqual(press(start, 'q').effects, [{type: 'quit'}]);
	assert.deepEqual(press(start, 't', key('c', {ctrl: true})).effects, [{type: 'quit'}]);
});

test('o toggles the outline only where it fits', () => {
	assert.match(press(start, 'o').state.message ?? '', /needs 120 columns/);
	const wide = readerReducer(start, {type: 'key', key: key('o')}, {article: guideArticle, articleFor: guide.id, rows, posts: library.posts, outlineFits: true});
	assert.equal(wide.state.outline, true);
});

test('a new width keeps the reader on the same heading: the place is a line of the body, not of the screen', () => {
	const atFine = press(start, ']]]').state;
	assert.equal(atFine.top, headingLine('fine-tuning'));
	for (const width of [20, 33, 100]) {
		const narrow: RenderedArticle = rendered(guide, width);
		const moved = settle(atFine, {article: narrow, articleFor: guide.id, rows});
		assert.equal(moved.top, narrow.headings.find(heading => heading.id === 'fine-tuning')!.line, `at width ${width}`);
	}
});

test('opening at a search hit from the list puts the hit in view and makes it the current match', () => {
	const bodyLine = guide.body.split('\n').findIndex(line => line.includes('TERMINAL'));
	const opened = settle(initialReaderState(guide, {source: bodyLine}, 'TERMINAL'), {article: guideArticle, articleFor: guide.id, rows});
	const match = guideArticle.plain.findIndex(text => text.includes('TERMINAL'));
	assert.equal(opened.search?.term, 'TERMINAL');
	assert.ok(match >= opened.top && match < opened.top + rows, `line ${match} in view from ${opened.top}`);
});

test('keys typed while the article renders are applied when it arrives; Esc while rendering leaves at once', () => {
	const waiting = {article: undefined, articleFor: guide.id, rows, posts: library.posts, outlineFits: false};
	let state = start;
	for (const name of ['j', 'j', ']']) {
		state = readerReducer(state, {type: 'key', key: key(name)}, waiting).state;
	}

	assert.equal(state.typedAhead.length, 3);
	const arrived = readerReducer(state, {type: 'arrived'}, {...waiting, article: guideArticle}).state;
	assert.equal(arrived.top, headingLine('overview'), 'j j ] from the top: the first heading');
	assert.deepEqual(arrived.typedAhead, []);
	const left = readerReducer(state, {type: 'key', key: key('escape')}, waiting);
	assert.deepEqual(left.effect, {type: 'back'});
});

test('less conventions: a count before j k moves that many lines, N% goes that far, :N and Ng to line N, Ctrl-E Ctrl-Y a line', () => {
	const lines = guideArticle.lines.length;
	assert.ok(lines > 40, 'the guide is long enough to tell the places apart');
	assert.equal(press(start, '12j').state.top, 12);
	assert.equal(press(start, '12j5k').state.top, 7);
	assert.equal(press(start, '50%').state.top, Math.round(0.5 * (lines - rows)));
	assert.equal(press(start, '100%').state.top, lines - rows);
	assert.equal(press(start, ':', '30', key('return')).state.top, 29);
	assert.equal(press(start, '30g').state.top, 29);
	assert.equal(press(start, key('e', {ctrl: true}), key('e', {ctrl: true}), key('y', {ctrl: true})).state.top, 1);
	assert.deepEqual(press(start, key('e', {ctrl: true})).effects, [], 'Ctrl-E is a line, not the editor');
	assert.equal(press(start, ':', 'abc').state.typed, '', 'only digits are typed after :');
	assert.equal(press(start, ':', '30', key('escape')).state.top, 0, 'Esc leaves : without moving');
	assert.equal(press(start, '12', key('escape'), 'j').state.top, 1, 'Esc drops a count');
	assert.equal(press(start, '5t').state.mode, 'menu', 'a key that takes no count drops it and does its own thing');
	assert.equal(press(start, '5t').state.count, '');
});

test('q quits; with quit = "back" it goes back to the list as Esc does, even past followed links', () => {
	assert.deepEqual(press(start, 'q').effects, [{type: 'quit'}]);
	const context = (state: ReaderState) => ({article: articles.get(state.post.id), articleFor: state.post.id, rows, posts: library.posts, outlineFits: false, quitGoesBack: true});
	assert.deepEqual(readerReducer(start, {type: 'key', key: key('q')}, context(start)).effect, {type: 'back'});
	const help = press(start, '?').state;
	assert.deepEqual(readerReducer(help, {type: 'key', key: key('q')}, context(help)).effect, {type: 'back'});
});

test('a key the reader does not know says so until the next key, and points at ? for help', () => {
	const arrived = press(start).state;
	assert.equal(press(arrived, 'x').state.message, 'x does nothing here · ? for help');
	assert.equal(press(arrived, 'x', 'j').state.message, undefined);
	assert.equal(press(arrived, key('x', {ctrl: true})).state.message, 'ctrl-x does nothing here · ? for help');
	// j at the very end scrolls nowhere but is a key the reader knows.
	assert.equal(press(arrived, 'G', 'j').state.message, undefined);
});
