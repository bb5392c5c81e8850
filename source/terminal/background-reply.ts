import {contrast, type Rgb} from '../render/colour.js';

/**
 * Asks for the background colour (OSC 11), then for the device attributes (DA1). Every terminal
 * answers DA1 and answers in order, so its reply says the question is over: a terminal that knows
 * no OSC 11 costs one round trip, not the whole timeout.
 */
export const backgroundQuery = '\u001B]11;?\u0007\u001B[c';

// `ESC ] 11 ; rgb:R/G/B` (1–4 hex digits each; urxvt adds `/alpha` under `rgba:`), ended by BEL or ST.
const colourReply = /\u001B\]11;rgba?:([\da-f]{1,4})\/([\da-f]{1,4})\/([\da-f]{1,4})(?:\/[\da-f]{1,4})?(?:\u0007|\u001B\\)/i;
// Any other OSC 11 answer (a colour name, a format we do not read), still to be taken out of the keys.
const otherReply = /\u001B\]11;[^\u0007\u001B]*(?:\u0007|\u001B\\)/;
const attributesReply = /\u001B\[\?[\d;]*c/;
// The start of a reply cut off at the end of what has arrived so far.
const partial = /\u001B(?:\](?:1(?:1(?:;[^\u0007\u001B]*(?:\u001B)?)?)?)?|\[(?:\?[\d;]*)?)$/;

export type BackgroundReplies = {
	/** The background the terminal reported, if it did. */
	background: Rgb | undefined;
	/** The DA1 reply has come: nothing more will. */
	done: boolean;
	/** Everything else that arrived (keys typed meanwhile), in order, for the app. */
	rest: string;
	/** A reply begun but not finished: kept back until more arrives. */
	pending: string;
};

function component(hex: string): number {
	return Math.round((Number.parseInt(hex, 16) / ((16 ** hex.length) - 1)) * 255);
}

/** What the terminal has answered so far in `input` (everything received since the query). */
export function readBackgroundReplies(input: string): BackgroundReplies {
	let text = input;
	let background: Rgb | undefined;
	const colour = colourReply.exec(text);
	if (colour) {
		background = [component(colour[1]!), component(colour[2]!), component(colour[3]!)];
		text = text.slice(0, colour.index) + text.slice(colour.index + colour[0].length);
	} else {
		text = text.replace(otherReply, '');
	}

	const attributes = attributesReply.exec(text);
	const done = attributes !== null;
	if (attributes) {
		text = text.slice(0, attributes.index) + text.slice(attributes.index + attributes[0].length);
	}

	// A lone ESC is the Escape key; the start of a reply is held back while one is still expected.
	const cut = done ? undefined : partial.exec(text);
	const pending = cut && cut[0] !== '\u001B' ? cut[0] : '';
	return {background, done, rest: pending === '' ? text : text.slice(0, -pending.length), pending};
}

/** Light when the colour is nearer white than black in contrast terms (WCAG relative luminance above ~0.18). */
export function isLight(background: Rgb): boolean {
	return contrast(background, [0, 0, 0]) > contrast(background, [255, 255, 255]);
}
