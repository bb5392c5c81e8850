import chalk from 'chalk';
import {createContext, useContext} from 'react';
import type {Theme} from '../render/article.js';
import {createPainter, type Painter} from '../render/style.js';

/**
 * What the screen may use to show things: colour, and the attributes (bold, dim, underline,
 * inverse) that still mark the selected row, the focused link and search matches where colour is
 * off (NO_COLOR, `--no-color`). Neither on a dumb terminal. With colour, the theme and the colour
 * depth (default dark, 16 colours) decide how each screen element looks.
 */
export type TextStyle = {colour: boolean; attributes: boolean; theme?: Theme; colorLevel?: 1 | 2 | 3};

export const TextStyleContext = createContext<TextStyle | undefined>(undefined);

/** The style the App was given; without one, whatever the global chalk level allows. */
export function useTextStyle(): TextStyle {
	const given = useContext(TextStyleContext);
	return given ?? {colour: chalk.level > 0, attributes: chalk.level > 0};
}

/** The style for a terminal of this colour depth (0 = none) and theme. */
export function textStyleFor(colorLevel: 0 | 1 | 2 | 3, attributes: boolean, theme: Theme): TextStyle {
	return colorLevel === 0 ? {colour: false, attributes, theme} : {colour: true, attributes, theme, colorLevel};
}

const painters = new Map<string, Painter>();

/** Paints screen elements (`Segment.color`, reader highlights) in the style's theme and depth; nothing without colour. */
export function painterOf(look: TextStyle): Painter {
	const theme = look.theme ?? 'dark';
	const colorLevel = look.colour ? look.colorLevel ?? 1 : 0;
	const key = `${theme}/${colorLevel}`;
	let painter = painters.get(key);
	if (!painter) {
		painter = createPainter({theme, colorLevel});
		painters.set(key, painter);
	}

	return painter;
}
