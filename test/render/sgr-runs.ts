import {paletteRgb, type Rgb} from '../../source/render/colour.js';

/** A stretch of text as a terminal would paint it: its colours (undefined = the default) and attributes. */
export type Run = {text: string; fg: Rgb | undefined; bg: Rgb | undefined; inverse: boolean; dim: boolean};

type State = Omit<Run, 'text'>;

const escape = /\u001B(?:\[([\d;:]*)([@-~])|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-_])/g;

/** The colour an extended SGR (`38;5;n`, `38;2;r;g;b`) names, and how many parameters it used. */
function extended(params: number[], at: number): [Rgb | undefined, number] {
	if (params[at + 1] === 5) {
		return [paletteRgb(params[at + 2] ?? 0), 3];
	}

	if (params[at + 1] === 2) {
		return [[params[at + 2] ?? 0, params[at + 3] ?? 0, params[at + 4] ?? 0], 5];
	}

	return [undefined, 1];
}

function applySgr(state: State, params: number[]): State {
	let next = {...state};
	for (let at = 0; at < params.length; at++) {
		const code = params[at]!;
		if (code === 0) {
			next = {fg: undefined, bg: undefined, inverse: false, dim: false};
		} else if (code === 2) {
			next.dim = true;
		} else if (code === 22) {
			next.dim = false;
		} else if (code === 7) {
			next.inverse = true;
		} else if (code === 27) {
			next.inverse = false;
		} else if (code >= 30 && code <= 37) {
			next.fg = paletteRgb(code - 30);
		} else if (code >= 90 && code <= 97) {
			next.fg = paletteRgb(code - 90 + 8);
		} else if (code === 39) {
			next.fg = undefined;
		} else if (code >= 40 && code <= 47) {
			next.bg = paletteRgb(code - 40);
		} else if (code >= 100 && code <= 107) {
			next.bg = paletteRgb(code - 100 + 8);
		} else if (code === 49) {
			next.bg = undefined;
		} else if (code === 38 || code === 48) {
			const [rgb, used] = extended(params, at);
			if (code === 38) {
				next.fg = rgb;
			} else {
				next.bg = rgb;
			}

			at += used - 1;
		}
	}

	return next;
}

/** Splits terminal output into runs of one look; other escapes (cursor moves, OSC 8) are skipped. */
export function sgrRuns(output: string): Run[] {
	const runs: Run[] = [];
	let state: State = {fg: undefined, bg: undefined, inverse: false, dim: false};
	let last = 0;
	const push = (text: string) => {
		if (text !== '') {
			runs.push({text, ...state});
		}
	};

	for (const match of output.matchAll(escape)) {
		push(output.slice(last, match.index));
		last = match.index + match[0].length;
		if (match[2] === 'm') {
			state = applySgr(state, match[1] === '' ? [0] : match[1]!.split(/[;:]/).map(Number));
		}
	}

	push(output.slice(last));
	return runs;
}
