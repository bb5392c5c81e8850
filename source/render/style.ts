import {Chalk, type ChalkInstance} from 'chalk';
import type {RenderOptions, Theme} from './article.js';

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

type Look = {color?: string; bold?: boolean; italic?: boolean; underline?: boolean; dim?: boolean; strikethrough?: boolean};

const shared: Partial<Record<Role, Look>> = {
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

const palettes: Record<Theme, Partial<Record<Role, Look>>> = {
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
		'code-border': {color: '#585858'},
		'code-label': {color: '#afafaf', bold: true},
		'table-border': {color: '#585858'},
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
		'code-border': {color: '#a8a8a8'},
		'code-label': {color: '#4e4e4e', bold: true},
		'table-border': {color: '#a8a8a8'},
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
	},
};

function lookOf(theme: Theme, role: Role): Look {
	return {...shared[role], ...palettes[theme][role]};
}

function apply(chalk: ChalkInstance, look: Look): ChalkInstance {
	let styled = chalk;
	if (look.color) {
		styled = styled.hex(look.color);
	}

	if (look.bold) {
		styled = styled.bold;
	}

	if (look.italic) {
		styled = styled.italic;
	}

	if (look.underline) {
		styled = styled.underline;
	}

	if (look.dim) {
		styled = styled.dim;
	}

	if (look.strikethrough) {
		styled = styled.strikethrough;
	}

	return styled;
}

export type Paint = {open: string; close: string};

/**
 * Turns a style key (roles joined by `+`) into SGR sequences for one theme and colour level. Each
 * painter owns its chalk instance: two sessions with different colour levels can render side by side.
 */
export type Painter = (key: string) => Paint;

const none: Paint = {open: '', close: ''};

export function createPainter(options: Pick<RenderOptions, 'theme' | 'colorLevel'>): Painter {
	if (options.colorLevel === 0) {
		return () => none;
	}

	const chalk = new Chalk({level: options.colorLevel});
	const cache = new Map<string, Paint>();
	return key => {
		let paint = cache.get(key);
		if (!paint) {
			let styled = chalk;
			for (const role of key === '' ? [] : key.split('+')) {
				styled = apply(styled, lookOf(options.theme, role as Role));
			}

			const [open = '', close = ''] = styled('\u0000').split('\u0000');
			paint = {open, close};
			cache.set(key, paint);
		}

		return paint;
	};
}

/** The style key of `role` nested inside `outer`. */
export function nest(outer: string, role: Role): string {
	return outer === '' ? role : `${outer}+${role}`;
}
