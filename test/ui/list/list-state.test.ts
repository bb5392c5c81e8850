import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Library} from '../../../source/content/post.js';
import type {KeyPress} from '../../../source/ui/keys.js';
import {postMatch} from '../../../source/ui/list/fuzzy-filter.js';
import {listKeys} from '../../../source/ui/list/list-keys.js';
import {browsedTags, initialListState, type ListContext, type ListEffect, listReducer, type ListState, resolveView} from '../../../source/ui/list/list-state.js';
import {makeLibrary, sampleLibrary} from './make-library.js';

function press(name: string, ctrl = false): KeyPress {
	return {name, ctrl, shift: name !== name.toLowerCase()};
}

/** Feeds keys as a reader types them; `a-z` strings are split into letters, `<name>` is a named key. */
function run(keys: string, context: ListContext, state: ListState = initialListState): {state: ListState; effects: ListEffect[]} {
	const effects: ListEffect[] = [];
	for (const token of keys.match(/<[^>]+>|./gsu) ?? []) {
		const key = token.startsWith('<') ? (token.startsWith('<C-') ? press(token.slice(3, -1), true) : press(token.slice(1, -1))) : press(token);
		const step = listReducer(state, {type: 'key', key}, context);
		state = step.state;
		if (step.effect) {
			effects.push(step.effect);
		}
	}

	return {state, effects};
}

function titles(state: ListState, context: ListContext): string[] {
	return resolveView(state, context).entries.entries.map(entry => (entry.kind === 'post' ? entry.post.title : `⚠ ${entry.problem.path}`));
}

function selectedTitle(state: ListState, context: ListContext): string | undefined {
	const {entries, selected} = resolveView(state, context);
	const entry = entries.entries[selected];
	return entry?.kind === 'post' ? entry.post.title : entry?.problem.path;
}

const context = (library: Library = sampleLibrary(), height = 20): ListContext => ({library, showDrafts: false, height});

test('newest first by default, undated last; s cycles oldest (undated still last) and title', () => {
	const ctx = context();
	assert.deepEqual(titles(initialListState, ctx), ['Reading blog-tui over SSH', 'Every key in blog-tui', 'Markdown showcase', 'Building a tiny pager with Ink', 'Notes without a date']);
	const oldest = run('s', ctx).state;
	assert.equal(oldest.sort, 'oldest');
	assert.deepEqual(titles(oldest, ctx), ['Building a tiny pager with Ink', 'Markdown showcase', 'Every key in blog-tui', 'Reading blog-tui over SSH', 'Notes without a date']);
	const byTitle = run('ss', ctx).state;
	assert.deepEqual(titles(byTitle, ctx), ['Building a tiny pager with Ink', 'Every key in blog-tui', 'Markdown showcase', 'Notes without a date', 'Reading blog-tui over SSH']);
	assert.equal(run('sss', ctx).state.sort, 'newest');
});

test('sorting keeps the selected post selected', () => {
	const ctx = context();
	const {state} = run('jj', ctx);
	assert.equal(selectedTitle(state, ctx), 'Markdown showcase');
	const sorted = run('s', ctx, state).state;
	assert.equal(selectedTitle(sorted, ctx), 'Markdown showcase');
	assert.equal(resolveView(sorted, ctx).selected, 1);
});

test('j/k, arrows, g/G and Enter open the selected post', () => {
	const ctx = context();
	assert.equal(selectedTitle(run('jjk<down>', ctx).state, ctx), 'Markdown showcase');
	assert.equal(selectedTitle(run('G', ctx).state, ctx), 'Notes without a date');
	assert.equal(selectedTitle(run('Gg', ctx).state, ctx), 'Reading blog-tui over SSH');
	assert.equal(selectedTitle(run('kkk', ctx).state, ctx), 'Reading blog-tui over SSH', 'the top stops moving up');
	const {effects} = run('j<return>', ctx);
	assert.equal(effects.length, 1);
	assert.equal(effects[0]!.type === 'open' && effects[0]!.request.post.title, 'Every key in blog-tui');
});

test('/ filters fuzzily as you type; q is text there; Enter keeps the filter, Esc clears it', () => {
	const ctx = context();
	let {state} = run('/pagr', ctx);
	assert.equal(state.mode, 'filter');
	assert.deepEqual(titles(state, ctx), ['Building a tiny pager with Ink']);
	state = run('<backspace><backspace>', ctx, state).state;
	assert.equal(state.query, 'pa');
	({state} = run('<C-u>ssh', ctx, state));
	assert.deepEqual(titles(state, ctx), ['Reading blog-tui over SSH']);
	const kept = run('<return>', ctx, state).state;
	assert.equal(kept.mode, 'browse');
	assert.equal(kept.query, 'ssh');
	const typedQ = run('/q', ctx).state;
	assert.equal(typedQ.query, 'q', 'q types into the filter instead of quitting');
	const cleared = run('/ssh<escape>', ctx).state;
	assert.equal(cleared.mode, 'browse');
	assert.equal(cleared.query, '');
	assert.equal(titles(cleared, ctx).length, 5);
	const escapedLater = run('/ssh<return><escape>', ctx).state;
	assert.equal(escapedLater.query, '', 'Esc in the list clears a kept filter');
});

test('the filter keeps the selected post when it still matches, else selects the first match', () => {
	const ctx = context();
	const {state} = run('jjj/gu', ctx);
	assert.equal(selectedTitle(state, ctx), 'Building a tiny pager with Ink');
	const moved = run('<C-u>mark', ctx, state).state;
	assert.equal(selectedTitle(moved, ctx), 'Markdown showcase');
});

test('matches carry the indexes to highlight', () => {
	const ctx = context();
	const {state} = run('/pager', ctx);
	const entry = resolveView(state, ctx).entries.entries[0]!;
	assert.equal(entry.kind, 'post');
	assert.deepEqual(entry.kind === 'post' && entry.hit && postMatch(entry.hit).title, [16, 17, 18, 19, 20]);
	const tagged = run('/markdown', ctx).state;
	const showcase = resolveView(tagged, ctx).entries.entries[0]!;
	assert.deepEqual(showcase.kind === 'post' && [...postMatch(showcase.hit!).tags], [['markdown', [0, 1, 2, 3, 4, 5, 6, 7]]]);
});

test('a filter with no match lists nothing and Enter does nothing', () => {
	const ctx = context();
	const {state, effects} = run('/zzzz<return><return>', ctx);
	assert.deepEqual(titles(state, ctx), []);
	assert.deepEqual(effects, []);
});

test('# lists tags most used first; Enter filters by one; a second tag combines (AND); Backspace removes', () => {
	const ctx = context();
	let {state} = run('#', ctx);
	assert.equal(state.mode, 'tags');
	assert.deepEqual(browsedTags(state, ctx), [{tag: 'guide', count: 3}, {tag: 'demo', count: 1}, {tag: 'ink', count: 1}, {tag: 'markdown', count: 1}, {tag: 'ssh', count: 1}]);
	({state} = run('<return>', ctx, state));
	assert.deepEqual(state.tags, ['guide']);
	assert.equal(state.mode, 'browse');
	assert.deepEqual(titles(state, ctx), ['Reading blog-tui over SSH', 'Every key in blog-tui', 'Building a tiny pager with Ink']);
	({state} = run('#', ctx, state));
	assert.deepEqual(browsedTags(state, ctx), [{tag: 'ink', count: 1}, {tag: 'ssh', count: 1}], 'counts within the posts already tagged guide');
	({state} = run('s<return>', ctx, state));
	assert.deepEqual(state.tags, ['guide', 'ssh']);
	assert.deepEqual(titles(state, ctx), ['Reading blog-tui over SSH']);
	({state} = run('<backspace>', ctx, state));
	assert.deepEqual(state.tags, ['guide']);
	({state} = run('<escape>', ctx, state));
	assert.deepEqual(state.tags, []);
});

test('the tag browser narrows by typing, moves with arrows, Esc closes without change', () => {
	const ctx = context();
	const {state} = run('#mark', ctx);
	assert.deepEqual(browsedTags(state, ctx).map(({tag}) => tag), ['markdown']);
	assert.deepEqual(run('#<down><down><return>', ctx).state.tags, ['ink']);
	const closed = run('#<escape>', ctx).state;
	assert.equal(closed.mode, 'browse');
	assert.deepEqual(closed.tags, []);
});

test('tags match whatever their case', () => {
	const library = makeLibrary([{title: 'A', date: '2024-01-01', tags: ['Rust']}, {title: 'B', date: '2024-01-02', tags: ['rust', 'ssh']}]);
	const ctx = context(library);
	assert.deepEqual(browsedTags(run('#', ctx).state, ctx)[0], {tag: 'Rust', count: 2});
	assert.deepEqual(titles(run('#<return>', ctx).state, ctx), ['B', 'A']);
});

test('F searches post bodies; Enter opens the post at the hit with the hit highlighted', () => {
	const library = makeLibrary([
		{title: 'One', date: '2024-01-02', body: 'intro\n\nThe Ring Nebula glows.\nmore'},
		{title: 'Two', date: '2024-01-01', body: 'ring ring\nno\nA ring again'},
	]);
	const ctx = context(library);
	let {state} = run('Fring', ctx);
	assert.equal(state.mode, 'search');
	assert.equal(state.search.term, 'ring');
	({state} = listReducer(state, {type: 'apply-search'}, ctx));
	assert.equal(state.search.applied, 'ring');
	const {effects} = run('<down><down><return>', ctx, state);
	assert.deepEqual(effects.map(effect => effect.type === 'open' && [effect.request.post.title, effect.request.line, effect.request.highlight]), [['Two', 2, 'ring']]);
	const immediate = run('<C-f>Ring<return>', ctx).effects;
	assert.deepEqual(immediate.map(effect => effect.type === 'open' && [effect.request.post.title, effect.request.line, effect.request.highlight]), [['One', 2, 'Ring']], 'Enter straight after typing searches first');
	assert.equal(run('Fq<escape>', ctx).state.mode, 'browse');
});

test('q quits in the list but not while typing; Ctrl-C always quits', () => {
	const ctx = context();
	assert.deepEqual(run('q', ctx).effects, [{type: 'quit'}]);
	assert.deepEqual(run('/q', ctx).effects, []);
	assert.deepEqual(run('#q', ctx).effects, []);
	assert.deepEqual(run('Fq', ctx).effects, []);
	assert.deepEqual(run('/<C-c>', ctx).effects, [{type: 'quit'}]);
});

test('drafts are hidden unless asked for', () => {
	const library = makeLibrary([{title: 'Live', date: '2024-01-02'}, {title: 'Draft', date: '2024-01-03', draft: true}]);
	assert.deepEqual(titles(initialListState, context(library)), ['Live']);
	assert.equal(resolveView(initialListState, context(library)).entries.hiddenDrafts, 1);
	assert.deepEqual(titles(initialListState, {...context(library), showDrafts: true}), ['Draft', 'Live']);
});

test('problem files are rows after the posts; Enter shows the reason, Esc goes back', () => {
	const library = makeLibrary([{title: 'Fine', date: '2024-01-02'}, {title: 'Half read', date: '2024-01-01', absolutePath: '/blog/half.md'}], [
		{path: 'binary.md', absolutePath: '/blog/binary.md', problem: 'binary file, not text'},
		{path: 'half.md', absolutePath: '/blog/half.md', problem: 'frontmatter: bad indentation (line 3)', slug: 'half-read'},
	]);
	const ctx = context(library);
	assert.deepEqual(titles(initialListState, ctx), ['Fine', 'Half read', '⚠ binary.md']);
	const half = resolveView(initialListState, ctx).entries.entries[1]!;
	assert.equal(half.kind === 'post' && half.problem, 'frontmatter: bad indentation (line 3)', 'a partly read post carries its problem');
	const {state, effects} = run('G<return>', ctx);
	assert.equal(state.mode, 'problem');
	assert.deepEqual(effects, []);
	assert.equal(run('<escape>', ctx, state).state.mode, 'browse');
	assert.deepEqual(titles(run('/binar', ctx).state, ctx), ['⚠ binary.md'], 'the filter finds problems by path');
});

test('a reload keeps the selected post by identity; a removed post hands the selection to its neighbour', () => {
	const before = sampleLibrary();
	const {state} = run('jj', context(before));
	const added = makeLibrary([{title: 'Brand new', date: '2026-11-01'}, ...before.posts.map(post => ({...post, date: post.date?.iso}))]);
	assert.equal(selectedTitle(state, context(added)), 'Markdown showcase');
	const removed = {...before, posts: before.posts.filter(post => post.title !== 'Markdown showcase')};
	assert.equal(selectedTitle(state, context(removed)), 'Building a tiny pager with Ink');
});

test('10,000 posts: moving the cursor reuses the filtered rows instead of recomputing them', () => {
	const library = makeLibrary(Array.from({length: 10_000}, (_, index) => ({title: `Post ${index}`, date: `20${String(10 + (index % 16)).padStart(2, '0')}-01-${String(1 + (index % 28)).padStart(2, '0')}`, absolutePath: `/blog/${index}.md`})));
	const ctx = context(library, 20);
	const typed = run('/post 99', ctx).state;
	assert.equal(resolveView(typed, ctx).entries.entries.length, 10_000, 'a big library filters once typing pauses');
	const {state} = listReducer(typed, {type: 'apply-filter'}, ctx);
	const first = resolveView(state, ctx).entries;
	assert.ok(first.entries.length < 10_000 && first.entries.length >= 111, `${first.entries.length} rows: at least Post 99, 990–999, 9900–9999`);
	const moved = run('<down><down><down>', ctx, state).state;
	assert.equal(resolveView(moved, ctx).entries, first, 'same rows object: no second fuzzy pass');
	assert.equal(resolveView(moved, ctx).selected, 3);
	const end = run('G', ctx).state;
	assert.equal(resolveView(end, ctx).selected, 9999);
	assert.ok(end.top > 9980, `top ${end.top} keeps the last row in view`);
});

test('every single-letter key the help lists for the list does something there', () => {
	const ctx = context();
	const start = run('j', ctx).state;
	const letters = listKeys.list.flatMap(({keys}) => keys.split(/\s+/)).filter(key => /^[\x21-\x7e]$/.test(key));
	assert.ok(letters.length >= 10, letters.join(' '));
	for (const letter of letters) {
		const step = listReducer(start, {type: 'key', key: press(letter)}, ctx);
		assert.ok(step.state !== start || step.effect, `${letter} does nothing`);
	}
});

test('r asks for a refresh in the list; while filtering it is a letter of the filter', () => {
	assert.deepEqual(run('r', context()).effects, [{type: 'reload'}]);
	const filtering = run('/r', context());
	assert.deepEqual(filtering.effects, []);
	assert.equal(filtering.state.query, 'r');
});

test('a key the list does not know says so until the next key, and points at ? for help', () => {
	const at = context();
	const {state} = run('x', at);
	assert.equal(state.message, 'x does nothing here · ? for help');
	assert.equal(run('<C-x>', at).state.message, 'ctrl-x does nothing here · ? for help');
	assert.equal(run('\u0007', at).state.message, '? for help');
	assert.equal(run('xj', at).state.message, undefined);
	// Known keys that change nothing (Esc with no filter) and typing into the filter say nothing.
	assert.equal(run('<escape>', at).state.message, undefined);
	assert.equal(run('/x', at).state.message, undefined);
});
