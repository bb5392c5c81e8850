// Colours that read on dark and light backgrounds (plain blue is too dark on black); yellow and red
// are kept for drafts and problems.
const palette = ['cyan', 'magenta', 'green', 'cyanBright', 'magentaBright', 'greenBright', 'blueBright'];

/** The same tag gets the same colour everywhere and in every run, whatever its case. */
export function tagColour(tag: string): string {
	let hash = 0;
	for (const character of tag.toLowerCase()) {
		hash = ((hash * 31) + character.codePointAt(0)!) >>> 0;
	}

	return palette[hash % palette.length]!;
}
