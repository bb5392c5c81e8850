import {contrast} from '../../source/render/colour.js';
import type {Theme} from '../../source/render/article.js';
import {assumedBackground, assumedForeground} from '../../source/render/theme.js';
import type {Run} from './sgr-runs.js';

// Box drawing, blocks and the quote bar are not text: WCAG asks 3:1 of them, 4.5:1 of text.
const decorationOnly = /^[\s\u2500-\u259F]*$/;

/**
 * The runs whose contrast on the theme's background (or their own) is below WCAG's minimum. The
 * terminal's own foreground is taken as xterm's; dim is not modelled (the themes paint no dim text
 * where there is colour).
 */
export function lowContrast(runs: readonly Run[], theme: Theme, decoration: (text: string) => boolean = text => decorationOnly.test(text)): string[] {
	const problems: string[] = [];
	for (const run of runs) {
		if (run.text.trim() === '') {
			continue;
		}

		let fg = run.fg ?? assumedForeground[theme];
		let bg = run.bg ?? assumedBackground[theme];
		if (run.inverse) {
			[fg, bg] = [bg, fg];
		}

		const ratio = contrast(fg, bg);
		const minimum = decoration(run.text) ? 3 : 4.5;
		if (ratio < minimum) {
			problems.push(`${JSON.stringify(run.text.trim().slice(0, 30))} rgb(${fg.join(',')}) on rgb(${bg.join(',')}): ${ratio.toFixed(2)} < ${minimum}`);
		}
	}

	return problems;
}

