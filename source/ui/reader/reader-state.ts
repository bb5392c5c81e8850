import type {Post} from '../../content/post.js';
import {resolvePostLink} from '../../content/resolve-post-link.js';
import type {RenderedArticle, RenderedLink} from '../../render/article.js';
import {type KeyPress, unknownKeyMessage} from '../keys.js';
import {editQuery} from '../text-input.js';
import {firstMatchFrom, matchesIn} from './article-search.js';
import {type HeadingMenu, menuEntries, openMenu, sectionAt} from './heading-menu.js';
import {pagerKey} from './pager-state.js';
import {lineAt, type Place, placeOf, topOfPost} from './reading-place.js';
import {copyTarget, isOpenableUrl, maxCopyLength} from './link-actions.js';
import type {ReaderHit} from './reader-hits.js';

/**
 * `read` scrolls; `menu` is the heading jump menu; `search` takes the term typed after `/`; `line`
 * the line number typed after `:` (as in less); `help` lists the keys.
 */
export type ReaderMode = 'read' | 'menu' | 'search' | 'line' | 'help';

/** Where the reader was before following a link, to come back to with Esc. */
export type HistoryEntry = {post: Post; place: Place; top: number; at: RenderedArticle | undefined};

/** What to do once the current post's article has arrived. */
export type Arrival = {type: 'anchor'; id: string} | {type: 'hit'; term: string};

export type ReaderState = {
	/** The post being read, as it was opened (the screen shows its latest version). */
	post: Post;
	/** Where the reader is, in terms that survive a re-render at another width. */
	place: Place;
	/** The first line in view, on the article `at`; on any other article it is worked out from `place`. */
	top: number;
	at: RenderedArticle | undefined;
	arrival: Arrival | undefined;
	history: HistoryEntry[];
	mode: ReaderMode;
	menu: HeadingMenu;
	/** The search term being typed after `/`. */
	typed: string;
	/** The search in force: its term and which match is current. */
	search: {term: string; current: number} | undefined;
	/** Index in `article.links` of the highlighted link. */
	link: number | undefined;
	/** One line for the status bar until the next key: a link's full address, why a link went nowhere. */
	message: string | undefined;
	/** The outline pane beside the article as the reader chose with `o`; undefined until then (it opens by itself on wide terminals). */
	outline: boolean | undefined;
	/** Keys typed while the article was still rendering, applied when it arrives. */
	typedAhead: KeyPress[];
	/** Digits typed before a key, as in less: `5j` five lines, `50%` halfway, `12g` line 12. */
	count: string;
};

/** What the reducer reads but does not own. */
export type ReaderContext = {
	/** The current post's article at the current width; undefined while it renders. */
	article: RenderedArticle | undefined;
	/** The file `article` was rendered from: keys batched after a link to another post must not scroll the old one. */
	articleFor: string;
	/** Lines in the viewport. */
	rows: number;
	/** Every post, for links between posts. */
	posts: Post[];
	/** Whether the terminal is wide enough for the outline pane. */
	outlineFits: boolean;
	/** Whether the pane is open now, before any `o` (it opens by itself on wide terminals). */
	outlineAuto?: boolean;
	/** Enter on a web link opens the browser (the local app; never over serve). */
	canOpenLinks?: boolean;
	/** `e` opens the post in the author's editor (the local app; never over serve). */
	canEdit?: boolean;
	/** `q` goes back to the list instead of quitting (the `quit = "back"` setting). */
	quitGoesBack?: boolean;
};

/** `click`: the mouse on a link or a heading (see `readerHitAt`). */
export type ReaderAction = {type: 'key'; key: KeyPress} | {type: 'arrived'} | {type: 'click'; hit: ReaderHit};

export type ReaderEffect =
	| {type: 'back'}
	| {type: 'quit'}
	| {type: 'reload'}
	| {type: 'open-url'; url: string}
	| {type: 'copy'; text: string}
	| {type: 'edit'; post: Post; bodyLine: number};

type Step = {state: ReaderState; effect?: ReaderEffect};

export function initialReaderState(post: Post, place: Place = topOfPost, highlight?: string): ReaderState {
	return {
		post,
		place,
		top: 0,
		at: undefined,
		arrival: highlight ? {type: 'hit', term: highlight} : undefined,
		history: [],
		mode: 'read',
		menu: {query: '', cursor: 0},
		typed: '',
		search: undefined,
		link: undefined,
		message: undefined,
		outline: undefined,
		typedAhead: [],
		count: '',
	};
}

/**
 * Scrolling stops when the last line reaches the bottom, but a jump puts its heading or anchor at
 * the top even near the end (the rest of the viewport stays empty), as a jump promises.
 */
function clampTop(top: number, article: RenderedArticle): number {
	return Math.max(0, Math.min(Math.round(top), article.lines.length - 1));
}

/** Scrolls so `line` is in view, a third of the way down when it has to move. */
function revealTop(top: number, line: number, rows: number): number {
	return line >= top && line < top + rows ? top : line - Math.floor(rows / 3);
}

function lookUpAnchor(article: RenderedArticle, id: string): number | undefined {
	if (id in article.anchors) {
		return article.anchors[id];
	}

	const lower = id.toLowerCase();
	const found = Object.keys(article.anchors).find(candidate => candidate.toLowerCase() === lower);
	return found === undefined ? undefined : article.anchors[found];
}

function articleOf(state: ReaderState, {article, articleFor}: Pick<ReaderContext, 'article' | 'articleFor'>): RenderedArticle | undefined {
	return articleFor === state.post.id ? article : undefined;
}

/** The state with `top` on the article in hand: where `place` is now, or where the arrival asks for. */
export function settle(state: ReaderState, context: Pick<ReaderContext, 'article' | 'articleFor' | 'rows'>): ReaderState {
	const {rows} = context;
	const article = articleOf(state, context);
	if (!article) {
		return state;
	}

	if (state.at === article) {
		const top = clampTop(state.top, article);
		return top === state.top ? state : {...state, top};
	}

	let top = lineAt(article, state.place);
	let {search, message} = state;
	const {arrival} = state;
	if (arrival?.type === 'anchor') {
		const line = lookUpAnchor(article, arrival.id);
		if (line === undefined) {
			message = `no #${arrival.id} in this post`;
		} else {
			top = line;
		}
	} else if (arrival?.type === 'hit') {
		const matches = matchesIn(article, arrival.term);
		const current = firstMatchFrom(matches, top);
		if (current !== -1) {
			search = {term: arrival.term, current};
			top = revealTop(top, matches[current]!.line, rows);
		}
	}

	top = clampTop(top, article);
	return {...state, at: article, top, place: arrival ? placeOf(article, top) : state.place, arrival: undefined, search, message};
}

function scrollTo(state: ReaderState, article: RenderedArticle, top: number): ReaderState {
	const clamped = clampTop(top, article);
	return clamped === state.top ? state : {...state, top: clamped, place: placeOf(article, clamped)};
}

function remember(state: ReaderState): HistoryEntry[] {
	return [...state.history, {post: state.post, place: state.place, top: state.top, at: state.at}];
}

function back(state: ReaderState): Step {
	const previous = state.history.at(-1);
	if (!previous) {
		return {state, effect: {type: 'back'}};
	}

	return {state: {...state, ...previous, history: state.history.slice(0, -1), arrival: undefined, search: undefined, link: undefined, mode: 'read'}};
}

function inView(link: RenderedLink, top: number, rows: number): boolean {
	return link.spans.some(span => span.line >= top && span.line < top + rows);
}

/** Tab and Shift-Tab: the next or previous link, scrolling just enough to bring it into view. */
function moveLink(state: ReaderState, context: ReaderContext, article: RenderedArticle, by: 1 | -1): ReaderState {
	const {links} = article;
	const {top} = state;
	const bottom = top + context.rows;
	let next: number;
	if (state.link !== undefined && links[state.link] && inView(links[state.link]!, top, context.rows)) {
		next = state.link + by;
	} else if (by === 1) {
		next = links.findIndex(link => link.spans.at(-1)!.line >= top);
		next = next === -1 ? links.length : next;
	} else {
		next = links.findLastIndex(link => link.line < bottom);
	}

	const link = links[next];
	if (!link) {
		const message = links.length === 0 ? 'this post has no links' : `no more links ${by === 1 ? 'below' : 'above'}`;
		return {...state, message};
	}

	const last = link.spans.at(-1)!.line;
	const wanted = link.line < top ? link.line : (last >= bottom ? last - context.rows + 1 : top);
	return {...scrollTo(state, article, wanted), link: next};
}

function follow(state: ReaderState, context: ReaderContext, article: RenderedArticle): ReaderState {
	const link = state.link === undefined ? undefined : article.links[state.link];
	if (!link) {
		return {...state, message: 'Tab highlights a link, Enter follows it'};
	}

	// An address of another item of the same feed opens here; any other is shown (the browser is the caller's).
	const inLibrary = link.kind === 'external' && !link.image ? resolvePostLink(link.target, state.post, context.posts) : undefined;
	if ((link.kind === 'external' && !inLibrary) || link.image) {
		return {...state, message: `${link.image ? 'image' : 'link'}: ${link.target}`};
	}

	if (link.kind === 'anchor') {
		const line = lookUpAnchor(article, link.anchor ?? '');
		if (line === undefined) {
			return {...state, message: `no #${link.anchor ?? ''} in this post`};
		}

		return {...scrollTo({...state, history: remember(state)}, article, line), link: undefined};
	}

	const resolved = inLibrary ?? resolvePostLink(link.target, state.post, context.posts);
	if (!resolved) {
		return {...state, message: `no post for ${link.target} in this blog`};
	}

	if (resolved.post.id === state.post.id) {
		const line = resolved.anchor === undefined ? 0 : lookUpAnchor(article, resolved.anchor) ?? 0;
		return {...scrollTo({...state, history: remember(state)}, article, line), link: undefined};
	}

	return {
		...state,
		history: remember(state),
		post: resolved.post,
		place: topOfPost,
		top: 0,
		at: undefined,
		arrival: resolved.anchor === undefined ? undefined : {type: 'anchor', id: resolved.anchor},
		search: undefined,
		link: undefined,
	};
}

function stepSearch(state: ReaderState, context: ReaderContext, article: RenderedArticle, by: 1 | -1): ReaderState {
	if (!state.search) {
		return {...state, message: '/ starts a search'};
	}

	const matches = matchesIn(article, state.search.term);
	if (matches.length === 0) {
		return state;
	}

	const current = (state.search.current + by + matches.length) % matches.length;
	const moved = scrollTo(state, article, revealTop(state.top, matches[current]!.line, context.rows));
	return {...moved, search: {term: state.search.term, current}};
}

function applySearch(state: ReaderState, context: ReaderContext, article: RenderedArticle): ReaderState {
	const term = state.typed;
	const reading = {...state, mode: 'read' as const};
	if (term === '') {
		return {...reading, search: undefined};
	}

	const matches = matchesIn(article, term);
	const current = firstMatchFrom(matches, state.top);
	if (current === -1) {
		return {...reading, search: undefined, message: `no match for “${term}”`};
	}

	const moved = scrollTo(reading, article, revealTop(state.top, matches[current]!.line, context.rows));
	return {...moved, search: {term, current}};
}

function headingStep(state: ReaderState, context: ReaderContext, article: RenderedArticle, by: 1 | -1): ReaderState {
	const {headings} = article;
	const index = by === 1 ? headings.findIndex(heading => heading.line > state.top) : headings.findLastIndex(heading => heading.line < state.top);
	const heading = headings[index];
	if (!heading) {
		return {...state, message: by === 1 ? 'no heading below' : 'no heading above'};
	}

	return scrollTo(state, article, heading.line);
}

function menuKey(state: ReaderState, key: KeyPress, context: ReaderContext, article: RenderedArticle): ReaderState {
	const entries = menuEntries(article.headings, state.menu.query);
	const move = (cursor: number) => ({...state, menu: {...state.menu, cursor: Math.max(0, Math.min(cursor, entries.length - 1))}});
	const page = Math.max(1, context.rows - 3);
	switch (key.name) {
		case 'escape': {
			return {...state, mode: 'read'};
		}

		case 'return': {
			const heading = article.headings[entries[state.menu.cursor] ?? -1];
			return heading ? {...scrollTo(state, article, heading.line), mode: 'read'} : state;
		}

		case 'up': {
			return move(state.menu.cursor - 1);
		}

		case 'down': {
			return move(state.menu.cursor + 1);
		}

		case 'pageup': {
			return move(state.menu.cursor - page);
		}

		case 'pagedown': {
			return move(state.menu.cursor + page);
		}

		case 'home': {
			return move(0);
		}

		case 'end': {
			return move(entries.length - 1);
		}

		default: {
			break;
		}
	}

	if (key.ctrl && (key.name === 'p' || key.name === 'n')) {
		return move(state.menu.cursor + (key.name === 'p' ? -1 : 1));
	}

	const query = editQuery(state.menu.query, key);
	if (query === undefined || query === state.menu.query) {
		return state;
	}

	// The section being read stays highlighted while it still matches.
	const narrowed = menuEntries(article.headings, query);
	const current = entries[state.menu.cursor];
	const kept = current === undefined ? -1 : narrowed.indexOf(current);
	return {...state, menu: {query, cursor: Math.max(0, kept)}};
}

function searchKey(state: ReaderState, key: KeyPress, context: ReaderContext, article: RenderedArticle): ReaderState {
	if (key.name === 'escape') {
		return {...state, mode: 'read'};
	}

	if (key.name === 'return') {
		return applySearch(state, context, article);
	}

	if (key.name === 'backspace' && state.typed === '') {
		return {...state, mode: 'read'};
	}

	const typed = editQuery(state.typed, key);
	return typed === undefined ? state : {...state, typed};
}

function readKey(state: ReaderState, key: KeyPress, context: ReaderContext, article: RenderedArticle): Step {
	const step = lineStep(key);
	if (key.ctrl && step !== 0) {
		return {state: scrollTo(state, article, clampTop(state.top + step, article))};
	}

	// Ctrl and a letter is never the letter's command (Ctrl-E is a line down, not the editor).
	switch (key.ctrl ? '' : key.name) {
		case 'escape': {
			if (state.search) {
				return {state: {...state, search: undefined}};
			}

			return state.link === undefined ? back(state) : {state: {...state, link: undefined}};
		}

		case 'backspace':
		case 'h':
		case 'left': {
			return back(state);
		}

		case 't': {
			return {state: {...state, mode: 'menu', menu: openMenu(article.headings, state.top)}};
		}

		case '/': {
			return {state: {...state, mode: 'search', typed: ''}};
		}

		case '?': {
			return {state: {...state, mode: 'help'}};
		}

		case ':': {
			return {state: {...state, mode: 'line', typed: ''}};
		}

		case 'n':
		case 'N': {
			return {state: stepSearch(state, context, article, key.name === 'n' ? 1 : -1)};
		}

		case ']':
		case '[': {
			return {state: headingStep(state, context, article, key.name === ']' ? 1 : -1)};
		}

		case 'tab': {
			return {state: moveLink(state, context, article, key.shift ? -1 : 1)};
		}

		case 'return': {
			const link = state.link === undefined ? undefined : article.links[state.link];
			// Another item of the same feed opens here; only an address outside the blog goes to the browser.
			if (link?.kind === 'external' && !link.image && context.canOpenLinks && isOpenableUrl(link.target) && !resolvePostLink(link.target, state.post, context.posts)) {
				return {state: {...state, message: `opening ${link.target}`}, effect: {type: 'open-url', url: link.target}};
			}

			return {state: follow(state, context, article)};
		}

		case 'e': {
			if (!context.canEdit) {
				break;
			}

			return {state: {...state, message: `editing ${state.post.path}`}, effect: {type: 'edit', post: state.post, bodyLine: Math.floor(placeOf(article, state.top).source)}};
		}

		case 'y': {
			const link = state.link === undefined ? undefined : article.links[state.link];
			const text = copyTarget(link, article, currentSection(article, state.top));
			if (text === undefined) {
				return {state: {...state, message: 'Tab highlights a link to copy; above the first heading there is no #anchor'}};
			}

			if (text.length > maxCopyLength) {
				return {state: {...state, message: 'that address is too long to copy'}};
			}

			return {state: {...state, message: `copied ${text}`}, effect: {type: 'copy', text}};
		}

		case 'o': {
			return {state: context.outlineFits ? {...state, outline: !(state.outline ?? context.outlineAuto ?? false)} : {...state, message: 'the outline pane needs 120 columns: t opens the heading menu'}};
		}

		case 'r': {
			return {state: {...state, message: 'reading the post again'}, effect: {type: 'reload'}};
		}

		default: {
			break;
		}
	}

	// Past the end after a jump, scrolling down stays put and scrolling up moves from where the reader is.
	const lineCount = Math.max(article.lines.length, state.top + context.rows);
	const from = {top: state.top};
	const pager = pagerKey(from, key, key.name === 'G' || key.name === 'end' ? article.lines.length : lineCount, context.rows);
	return {state: pager === from ? {...state, message: unknownKeyMessage(key)} : scrollTo(state, article, pager.top)};
}

const enter: KeyPress = {name: 'return', ctrl: false, shift: false};

/**
 * A click on a heading (outline pane, heading menu) jumps there. A click on a link highlights it
 * and shows its address, as Tab does; a click on the highlighted link follows it, as Enter does:
 * a double click follows any link, and no stray click opens a browser.
 */
function click(state: ReaderState, context: ReaderContext, article: RenderedArticle, hit: ReaderHit): Step {
	if (hit.kind === 'heading') {
		const heading = article.headings[hit.index];
		return heading && (state.mode === 'read' || state.mode === 'menu') ? {state: {...scrollTo(state, article, heading.line), mode: 'read'}} : {state};
	}

	if (state.mode !== 'read' || !article.links[hit.index]) {
		return {state};
	}

	return state.link === hit.index ? readKey(state, enter, context, article) : {state: {...state, link: hit.index}};
}

const maxTypedAhead = 32;

function replayTypedAhead(state: ReaderState, context: ReaderContext): Step {
	if (state.typedAhead.length === 0 || !articleOf(state, context)) {
		return {state};
	}

	let current: ReaderState = {...state, typedAhead: []};
	for (const key of state.typedAhead) {
		const step = readerReducer(current, {type: 'key', key}, context);
		current = step.state;
		if (step.effect) {
			return {state: current, effect: step.effect};
		}
	}

	return {state: current};
}

/** Applies one key (or the arrival of the article) to the reading view. */
export function readerReducer(current: ReaderState, action: ReaderAction, context: ReaderContext): Step {
	const state = settle(current, context);
	if (action.type === 'arrived') {
		return replayTypedAhead(state, context);
	}

	const article = articleOf(state, context);
	const quiet = state.message === undefined ? state : {...state, message: undefined};
	if (action.type === 'click') {
		return article ? click(quiet, context, article, action.hit) : {state};
	}

	const {key} = action;
	if (key.ctrl && key.name === 'c') {
		return {state, effect: {type: 'quit'}};
	}

	if (state.mode === 'help') {
		if (key.name === 'q') {
			return quit(quiet, context);
		}

		return {state: ['escape', '?', 'return', 'backspace'].includes(key.name) ? {...quiet, mode: 'read'} : state};
	}

	if (!article) {
		// Still rendering: leaving works at once, anything else waits for the article (over SSH a
		// reader often types ahead: `G` or `t` right after Enter).
		if (key.name === 'q') {
			return quit({...quiet, typedAhead: []}, context);
		}

		if (['escape', 'backspace', 'h', 'left'].includes(key.name)) {
			return back({...quiet, typedAhead: []});
		}

		return {state: state.typedAhead.length < maxTypedAhead ? {...state, typedAhead: [...state.typedAhead, key]} : state};
	}

	if (state.mode === 'menu') {
		return {state: menuKey(quiet, key, context, article)};
	}

	if (state.mode === 'search') {
		return {state: searchKey(quiet, key, context, article)};
	}

	if (state.mode === 'line') {
		return {state: lineKey(quiet, key, context, article)};
	}

	if (key.name === 'q' && !key.ctrl) {
		return quit(quiet, context);
	}

	return countedKey(quiet, key, context, article);
}

/** `q`: quits, or with `quit = "back"` goes back as Esc does (past followed links to the list). */
function quit(state: ReaderState, context: ReaderContext): Step {
	return context.quitGoesBack ? {state: {...state, history: []}, effect: {type: 'back'}} : {state, effect: {type: 'quit'}};
}

// A count past this is not a line anyone means (and keeps a held-down digit cheap).
const longestCount = 9;

/** Digits build a count for the next key (less's `N`); the key then takes it, and any other key drops it. */
function countedKey(state: ReaderState, key: KeyPress, context: ReaderContext, article: RenderedArticle): Step {
	if (!key.ctrl && /^\d$/.test(key.name) && (state.count !== '' || key.name !== '0')) {
		return {state: {...state, count: (state.count + key.name).slice(0, longestCount)}};
	}

	const count = state.count === '' ? undefined : Number(state.count);
	const plain = {...state, count: ''};
	if (key.name === 'escape' && count !== undefined) {
		return {state: plain};
	}

	if (count !== undefined) {
		const lines = article.lines.length;
		if (key.name === '%') {
			return {state: scrollTo(plain, article, Math.round(Math.min(100, count) / 100 * Math.max(0, lines - context.rows)))};
		}

		if (['g', 'G', 'home', 'end'].includes(key.name) && !key.ctrl) {
			return {state: scrollTo(plain, article, Math.min(count, lines) - 1)};
		}

		const step = lineStep(key);
		if (step !== 0) {
			return {state: scrollTo(plain, article, clampTop(state.top + (step * count), article))};
		}
	}

	return readKey(plain, key, context, article);
}

/** Lines one press of a line key moves: j k ↓ ↑ and less's Ctrl-E Ctrl-Y (Ctrl-N Ctrl-P too). */
function lineStep(key: KeyPress): number {
	if (key.ctrl) {
		return key.name === 'e' || key.name === 'n' ? 1 : (key.name === 'y' || key.name === 'p' ? -1 : 0);
	}

	return key.name === 'j' || key.name === 'down' ? 1 : (key.name === 'k' || key.name === 'up' ? -1 : 0);
}

/** `:` then a line number and Enter goes there, as in less; Esc leaves it. */
function lineKey(state: ReaderState, key: KeyPress, context: ReaderContext, article: RenderedArticle): ReaderState {
	if (key.name === 'escape' || (key.name === 'backspace' && state.typed === '')) {
		return {...state, mode: 'read', typed: ''};
	}

	if (key.name === 'return') {
		const line = Number.parseInt(state.typed, 10);
		const reading = {...state, mode: 'read' as const, typed: ''};
		return Number.isNaN(line) ? reading : scrollTo(reading, article, Math.max(1, Math.min(line, article.lines.length)) - 1);
	}

	if (key.name === 'backspace') {
		return {...state, typed: state.typed.slice(0, -1)};
	}

	return /^\d$/.test(key.name) && state.typed.length < longestCount ? {...state, typed: state.typed + key.name} : state;
}

/** The heading the reader is in at line `top`, for the status bar and the outline pane. */
export function currentSection(article: RenderedArticle, top: number): number {
	return sectionAt(article.headings, top);
}
