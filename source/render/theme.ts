import type {Theme} from './article.js';
import type {Rgb} from './colour.js';

/**
 * What a piece of text is, not how it looks: the palette of each theme decides the look. A run's
 * style is the list of roles it is nested in, outermost first (`strong+link`).
 */
export type Role =
	| 'title' | 'meta' | 'tag' | 'description' | 'notice'
	| 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'heading-mark'
	| 'strong' | 'em' | 'del' | 'codespan' | 'link' | 'url' | 'image'
	| 'quote-bar' | 'alert-note' | 'alert-tip' | 'alert-important' | 'alert-warning' | 'alert-caution' | 'bullet' | 'checked' | 'unchecked' | 'rule'
	| 'code-border' | 'code-label' | 'clip' | 'table-border' | 'table-head'
	| 'hl-keyword' | 'hl-string' | 'hl-number' | 'hl-comment' | 'hl-function' | 'hl-type'
	| 'hl-literal' | 'hl-attribute' | 'hl-meta' | 'hl-variable' | 'hl-regexp' | 'hl-symbol'
	| 'hl-addition' | 'hl-deletion' | 'hl-section';

/** The screen's own elements around the article: the list, its footer and prompts, the reader's status line and highlights. */
export type ScreenElement =
	| 'tag-1' | 'tag-2' | 'tag-3' | 'tag-4' | 'tag-5' | 'tag-6'
	| 'draft' | 'warning' | 'match' | 'status-link' | 'muted'
	| 'search-match' | 'search-current' | 'link-focus';

export type Element = Role | ScreenElement;

/**
 * How an element looks. `color` and `background` are `#rrggbb` for 256-colour and truecolor
 * terminals; `basic`/`basicBackground` pick one of the 16 basic colours for the rest (by default the
 * basic colour nearest `color` that stays readable on the theme's background). `dim` is for terminals
 * without colour: where there is colour, dim text is painted in the theme's `muted` colour instead,
 * since how far a terminal dims (and so whether the text stays readable) is anyone's guess.
 */
export type Look = {
	color?: string; basic?: number; background?: string; basicBackground?: number;
	bold?: boolean; italic?: boolean; underline?: boolean; dim?: boolean; strikethrough?: boolean;
};

const shared: Partial<Record<Element, Look>> = {
	strong: {bold: true},
	em: {italic: true},
	del: {strikethrough: true},
	h3: {bold: true},
	h4: {bold: true},
	h5: {bold: true, italic: true},
	h6: {italic: true},
	'heading-mark': {dim: true},
	meta: {dim: true},
	description: {italic: true},
	rule: {dim: true},
	clip: {dim: true},
	'table-head': {bold: true},
	'hl-comment': {italic: true, dim: true},
};

const palettes: Record<Theme, Partial<Record<Element, Look>>> = {
	dark: {
		title: {color: '#ffd75f', bold: true},
		h1: {color: '#ffd75f', bold: true},
		h2: {color: '#87d7ff', bold: true},
		h3: {color: '#87d7ff', bold: true},
		tag: {color: '#d7afff'},
		notice: {color: '#ffaf5f', bold: true},
		codespan: {color: '#ffaf87'},
		link: {color: '#5fd7ff', underline: true},
		url: {color: '#5f87af'},
		image: {color: '#afaf87'},
		'quote-bar': {color: '#767676'},
		'alert-note': {color: '#5fafff', bold: true},
		'alert-tip': {color: '#87d787', bold: true},
		'alert-important': {color: '#d7afff', bold: true},
		'alert-warning': {color: '#ffd75f', bold: true},
		'alert-caution': {color: '#ff5f5f', bold: true},
		bullet: {color: '#87d7ff'},
		checked: {color: '#87d787'},
		unchecked: {color: '#9e9e9e'},
		'code-border': {color: '#626262'},
		'code-label': {color: '#afafaf', bold: true},
		'table-border': {color: '#626262'},
		'hl-keyword': {color: '#d787ff'},
		'hl-string': {color: '#afd787'},
		'hl-number': {color: '#ffaf5f'},
		'hl-comment': {color: '#808080', italic: true},
		'hl-function': {color: '#5fafff'},
		'hl-type': {color: '#ffd75f'},
		'hl-literal': {color: '#ff875f'},
		'hl-attribute': {color: '#87d7d7'},
		'hl-meta': {color: '#afafaf'},
		'hl-variable': {color: '#ff8787'},
		'hl-regexp': {color: '#87d7af'},
		'hl-symbol': {color: '#ffaf87'},
		'hl-addition': {color: '#87d787'},
		'hl-deletion': {color: '#ff5f5f'},
		'hl-section': {color: '#87d7ff', bold: true},
		'tag-1': {color: '#5fd7d7'},
		'tag-2': {color: '#d787d7'},
		'tag-3': {color: '#87d787'},
		'tag-4': {color: '#87afff'},
		'tag-5': {color: '#ffafd7'},
		'tag-6': {color: '#afd75f'},
		draft: {color: '#ffd75f'},
		warning: {color: '#ffd75f'},
		match: {color: '#ffd75f'},
		'status-link': {color: '#5fd7ff'},
		muted: {color: '#9e9e9e', basic: 8},
		'search-match': {color: '#000000', basic: 0, background: '#bcbcbc', basicBackground: 7},
		'search-current': {color: '#000000', basic: 0, background: '#ffd75f', basicBackground: 3},
		'link-focus': {color: '#000000', basic: 0, background: '#5fd7ff', basicBackground: 6},
	},
	light: {
		title: {color: '#875f00', bold: true},
		h1: {color: '#875f00', bold: true},
		h2: {color: '#005f87', bold: true},
		h3: {color: '#005f87', bold: true},
		tag: {color: '#8700af'},
		notice: {color: '#af5f00', bold: true},
		codespan: {color: '#af3a03'},
		link: {color: '#0057ae', underline: true},
		url: {color: '#5f5f87'},
		image: {color: '#5f5f00'},
		'quote-bar': {color: '#8a8a8a'},
		'alert-note': {color: '#0057ae', bold: true},
		'alert-tip': {color: '#008700', bold: true},
		'alert-important': {color: '#8700af', bold: true},
		'alert-warning': {color: '#875f00', bold: true},
		'alert-caution': {color: '#af0000', bold: true},
		bullet: {color: '#005f87'},
		checked: {color: '#008700'},
		unchecked: {color: '#6c6c6c'},
		'code-border': {color: '#8a8a8a'},
		'code-label': {color: '#4e4e4e', bold: true},
		'table-border': {color: '#8a8a8a'},
		'hl-keyword': {color: '#8700af'},
		'hl-string': {color: '#005f00'},
		'hl-number': {color: '#af5f00'},
		'hl-comment': {color: '#6c6c6c', italic: true},
		'hl-function': {color: '#0050a0'},
		'hl-type': {color: '#875f00'},
		'hl-literal': {color: '#af0000'},
		'hl-attribute': {color: '#005f5f'},
		'hl-meta': {color: '#585858'},
		'hl-variable': {color: '#af0000'},
		'hl-regexp': {color: '#005f5f'},
		'hl-symbol': {color: '#af3a03'},
		'hl-addition': {color: '#008700'},
		'hl-deletion': {color: '#af0000'},
		'hl-section': {color: '#005f87', bold: true},
		'tag-1': {color: '#005f87'},
		'tag-2': {color: '#870087'},
		'tag-3': {color: '#005f00'},
		'tag-4': {color: '#0000af'},
		'tag-5': {color: '#af005f'},
		'tag-6': {color: '#5f5f00'},
		draft: {color: '#875f00'},
		warning: {color: '#875f00'},
		match: {color: '#af005f'},
		'status-link': {color: '#0057ae'},
		muted: {color: '#6c6c6c', basic: 0},
		'search-match': {color: '#000000', basic: 0, background: '#d0d0d0', basicBackground: 7},
		'search-current': {color: '#000000', basic: 0, background: '#ffd75f', basicBackground: 3},
		'link-focus': {color: '#000000', basic: 0, background: '#87d7ff', basicBackground: 6},
	},
};


/** Elements that are not text (borders, rules, the quote bar): they need a contrast of 3, not 4.5. */
export const decorations: ReadonlySet<Element> = new Set<Element>(['rule', 'quote-bar', 'code-border', 'table-border']);

/** Tag colours, one per tag name (see `tagElement`). */
export const tagElements = ['tag-1', 'tag-2', 'tag-3', 'tag-4', 'tag-5', 'tag-6'] as const satisfies readonly ScreenElement[];

/**
 * The background each theme is made for (xterm's black, and white): every text colour keeps a WCAG
 * contrast of at least 4.5 on it, and borders and rules at least 3 (checked by a test).
 */
export const assumedBackground: Record<Theme, Rgb> = {dark: [0, 0, 0], light: [255, 255, 255]};

/** Text in no colour of its own is the terminal's foreground, taken as xterm's for each background. */
export const assumedForeground: Record<Theme, Rgb> = {dark: [229, 229, 229], light: [0, 0, 0]};

/** Every element a theme defines. */
export function themeElements(theme: Theme): Element[] {
	return [...new Set([...Object.keys(shared), ...Object.keys(palettes[theme])])] as Element[];
}

export function lookOf(theme: Theme, element: Element): Look {
	return {...shared[element], ...palettes[theme][element]};
}
