import {type ScreenElement, tagElements} from '../../render/theme.js';

/** The same tag gets the same colour everywhere and in every run, whatever its case; the theme says which colour. */
export function tagColour(tag: string): ScreenElement {
	let hash = 0;
	for (const character of tag.toLowerCase()) {
		hash = ((hash * 31) + character.codePointAt(0)!) >>> 0;
	}

	return tagElements[hash % tagElements.length]!;
}
