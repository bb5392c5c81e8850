import {Chalk, type ChalkInstance} from 'chalk';
import type {RenderOptions, Theme} from './article.js';
import {nearest256, nearestBasic, parseHex} from './colour.js';
import {assumedBackground, decorations, type Element, type Look, lookOf, type Role} from './theme.js';

export type {Role} from './theme.js';

const basicNames = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'blackBright', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright'] as const;
const capitalised = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}`;

type Level = 1 | 2 | 3;

/** The basic colour a 16-colour terminal gets for `element` (foreground). */
export function basicColour(theme: Theme, element: Element, look: Look): number | undefined {
	if (!look.color) {
		return undefined;
	}

	return look.basic ?? nearestBasic(parseHex(look.color), assumedBackground[theme], decorations.has(element) ? 3 : 4.5);
}

/**
 * How an element is painted where there is colour: dim becomes the theme's muted colour (or goes,
 * when the element has a colour of its own).
 */
export function colouredLook(theme: Theme, element: Element): Look {
	const {dim, ...look} = lookOf(theme, element);
	if (!dim || look.color) {
		return look;
	}

	const muted = lookOf(theme, 'muted');
	return {...look, color: muted.color, basic: muted.basic};
}

function colour(chalk: ChalkInstance, hex: string, basic: number | undefined, level: Level, background: boolean): ChalkInstance {
	if (level === 3) {
		return background ? chalk.bgHex(hex) : chalk.hex(hex);
	}

	if (level === 2) {
		const index = nearest256(parseHex(hex));
		return background ? chalk.bgAnsi256(index) : chalk.ansi256(index);
	}

	const name = basicNames[basic ?? 7]!;
	return (chalk as unknown as Record<string, ChalkInstance>)[background ? `bg${capitalised(name)}` : name]!;
}

function apply(chalk: ChalkInstance, theme: Theme, element: Element, level: Level): ChalkInstance {
	const look = colouredLook(theme, element);
	let styled = chalk;
	if (look.color) {
		styled = colour(styled, look.color, basicColour(theme, element, look), level, false);
	}

	if (look.background) {
		styled = colour(styled, look.background, look.basicBackground, level, true);
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

	const level = options.colorLevel;
	const chalk = new Chalk({level});
	const cache = new Map<string, Paint>();
	return key => {
		let paint = cache.get(key);
		if (!paint) {
			let styled = chalk;
			for (const role of key === '' ? [] : key.split('+')) {
				styled = apply(styled, options.theme, role as Element, level);
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
