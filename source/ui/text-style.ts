import chalk from 'chalk';
import {createContext, useContext} from 'react';

/**
 * What the screen may use to show things: colour, and the attributes (bold, dim, underline,
 * inverse) that still mark the selected row, the focused link and search matches where colour is
 * off (NO_COLOR, `--no-color`). Neither on a dumb terminal.
 */
export type TextStyle = {colour: boolean; attributes: boolean};

export const TextStyleContext = createContext<TextStyle | undefined>(undefined);

/** The style the App was given; without one, whatever the global chalk level allows. */
export function useTextStyle(): TextStyle {
	const given = useContext(TextStyleContext);
	return given ?? {colour: chalk.level > 0, attributes: chalk.level > 0};
}
