import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {KeyPress} from '../../source/ui/keys.js';
import {initialListState, type ListState, listReducer} from '../../source/ui/list/list-state.js';
import {initialReaderState, readerReducer, type ReaderState} from '../../source/ui/reader/reader-state.js';
import {editQuery, maxQueryLength} from '../../source/ui/text-input.js';
import {sampleLibrary} from './list/make-library.js';
import {guide, library, rendered} from './reader/fixture.js';

const ctrl = (name: string): KeyPress => ({name, ctrl: true, shift: false});
const typed = (character: string): KeyPress => ({name: character, ctrl: false, shift: character !== character.toLowerCase()});
const backspace: KeyPress = {name: 'backspace', ctrl: false, shift: false};

// A page pasted into a prompt: words, then a long run of spaces (the case a backtracking Ctrl-W
// regex takes quadratic time on), then a last word. 120 KB, one key per character.
const paste = 'moss lichen '.repeat(2000) + ' '.repeat(96_000) + 'tail';

test('Ctrl-W deletes the last word and the spaces after it; Ctrl-U clears; Backspace takes one character', () => {
	const edit = (query: string, key: KeyPress) => editQuery(query, key);
	assert.equal(edit('moss lichen  ', ctrl('w')), 'moss ');
	assert.equal(edit('moss lichen', ctrl('w')), 'moss ');
	assert.equal(edit('   ', ctrl('w')), '');
	assert.equal(edit('', ctrl('w')), '');
	assert.equal(edit('moss\tlichen', ctrl('w')), 'moss\t');
	assert.equal(edit('moss', ctrl('u')), '');
	assert.equal(edit('moss', backspace), 'mos');
	assert.equal(edit('moss 🌿', backspace), 'moss ', 'an astral character is one character');
	assert.equal(edit('', backspace), '');
	assert.equal(edit('mos', typed('s')), 'moss');
	assert.equal(edit('moss', ctrl('x')), undefined);
	assert.equal(edit('moss', {name: 'up', ctrl: false, shift: false}), undefined);
});

test('a query stops growing at the cap, counted in characters', () => {
	const full = 'a'.repeat(maxQueryLength);
	assert.equal(maxQueryLength, 256);
	assert.equal(editQuery(full, typed('b')), full);
	assert.equal(editQuery(full.slice(1), typed('b')), `${full.slice(1)}b`);
	const astral = '🌿'.repeat(maxQueryLength - 1);
	assert.equal(editQuery(astral, typed('🌿')), `${astral}🌿`, '255 astral characters are 510 UTF-16 units and still under the cap');
	assert.equal(editQuery(`${astral}🌿`, typed('x')), `${astral}🌿`);
});

test('Ctrl-W on a 200,000-space run finishes (a backtracking regex takes minutes)', {timeout: 20_000}, () => {
	assert.equal(editQuery(`${' '.repeat(200_000)}tail`, ctrl('w')), ' '.repeat(200_000));
	assert.equal(editQuery(`tail${' '.repeat(200_000)}`, ctrl('w')), '');
});

function typeInto<State>(reduce: (state: State, key: KeyPress) => State, state: State, text: string): State {
	let current = state;
	for (const character of text) {
		current = reduce(current, typed(character));
	}

	return current;
}

test('a 120 KB paste into the filter, the tag browser and full-text search: capped, and Ctrl-W still works', {timeout: 60_000}, () => {
	const context = {library: sampleLibrary(), showDrafts: false, height: 20};
	const reduce = (state: ListState, key: KeyPress) => listReducer(state, {type: 'key', key}, context).state;
	const prompts: Array<[string, (state: ListState) => string]> = [
		['/', state => state.query],
		['#', state => state.tagBrowser.query],
		['F', state => state.search.term],
	];
	for (const [opener, queryOf] of prompts) {
		const pasted = typeInto(reduce, reduce(initialListState, typed(opener)), paste);
		assert.equal([...queryOf(pasted)].length, maxQueryLength, opener);
		assert.equal(queryOf(pasted), paste.slice(0, maxQueryLength), opener);
		const cut = reduce(pasted, ctrl('w'));
		assert.equal(queryOf(cut), paste.slice(0, maxQueryLength).replace(/\S+\s*$/u, ''), opener);
	}
});

test('a 120 KB paste into the heading menu and the article search: capped, and Ctrl-W still works', {timeout: 60_000}, () => {
	const article = rendered(guide);
	const context = {article, articleFor: guide.id, rows: 10, posts: library.posts, outlineFits: false};
	const reduce = (state: ReaderState, key: KeyPress) => readerReducer(state, {type: 'key', key}, context).state;
	const prompts: Array<[string, (state: ReaderState) => string]> = [
		['t', state => state.menu.query],
		['/', state => state.typed],
	];
	for (const [opener, queryOf] of prompts) {
		const pasted = typeInto(reduce, reduce(initialReaderState(guide), typed(opener)), paste);
		assert.equal(queryOf(pasted), paste.slice(0, maxQueryLength), opener);
		assert.equal(queryOf(reduce(pasted, ctrl('w'))), paste.slice(0, maxQueryLength).replace(/\S+\s*$/u, ''), opener);
	}
});
