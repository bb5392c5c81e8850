/** A colour as `[red, green, blue]`, each 0–255. */
export type Rgb = readonly [number, number, number];

/**
 * What the 16 basic colours look like: xterm's defaults. Terminals let users change them, so this is
 * an assumption, the one every contrast check of a 16-colour terminal is made against.
 */
export const basicRgb: readonly Rgb[] = [
	[0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
	[127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

const cube = [0, 95, 135, 175, 215, 255];

/** The RGB of xterm's 256-colour palette entry `index`: the 16 basic colours, a 6×6×6 cube, 24 greys. */
export function paletteRgb(index: number): Rgb {
	if (index < 16) {
		return basicRgb[index]!;
	}

	if (index < 232) {
		const n = index - 16;
		return [cube[Math.floor(n / 36)]!, cube[Math.floor(n / 6) % 6]!, cube[n % 6]!];
	}

	const grey = 8 + ((index - 232) * 10);
	return [grey, grey, grey];
}

export function parseHex(hex: string): Rgb {
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF];
}

function distance(a: Rgb, b: Rgb): number {
	return ((a[0] - b[0]) ** 2) + ((a[1] - b[1]) ** 2) + ((a[2] - b[2]) ** 2);
}

/** The 256-colour entry closest to `rgb` (from 16 up: the basic ones are the user's to redefine). */
export function nearest256(rgb: Rgb): number {
	let best = 16;
	for (let index = 17; index < 256; index++) {
		if (distance(paletteRgb(index), rgb) < distance(paletteRgb(best), rgb)) {
			best = index;
		}
	}

	return best;
}

function channel(value: number): number {
	const fraction = value / 255;
	return fraction <= 0.040_45 ? fraction / 12.92 : ((fraction + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance([red, green, blue]: Rgb): number {
	return (0.2126 * channel(red)) + (0.7152 * channel(green)) + (0.0722 * channel(blue));
}

/** WCAG 2 contrast ratio of two colours, 1 to 21; text wants at least 4.5. */
export function contrast(a: Rgb, b: Rgb): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

/**
 * Of the basic colours that keep `minimum` contrast on `background`, the one closest to `rgb`: how a
 * 16-colour terminal shows a theme colour without washing it out.
 */
export function nearestBasic(rgb: Rgb, background: Rgb, minimum: number): number {
	let best = -1;
	for (const [index, candidate] of basicRgb.entries()) {
		if (contrast(candidate, background) >= minimum && (best === -1 || distance(candidate, rgb) < distance(basicRgb[best]!, rgb))) {
			best = index;
		}
	}

	return best;
}
