import type {Rgb} from '../render/colour.js';
import {isLight} from './background-reply.js';

/**
 * What a terminal can show, decided only from its environment variables and whether output goes to
 * a terminal at all — so the SSH server can ask the same question about a client's env instead of
 * the server's own stdout.
 */
export type ColorLevel = 0 | 1 | 2 | 3;

export type TerminalCapabilities = {
	/** 0 = no escape sequences at all, 1 = 16 colours, 2 = 256, 3 = truecolor. */
	colorLevel: ColorLevel;
	/** OSC 8 hyperlinks are understood (never true when colorLevel is 0). */
	hyperlinks: boolean;
	/**
	 * Bold, dim, underline and inverse may be used: on any terminal but `TERM=dumb`, NO_COLOR and
	 * `--no-color` included (no-color.org asks for no colour, and without these the selected row, the
	 * focused link and search matches cannot be seen). False for output that is not a terminal.
	 */
	attributes: boolean;
};

export type Env = Readonly<Record<string, string | undefined>>;

function forcedColorLevel(value: string): ColorLevel {
	if (value === '' || value === 'true') {
		return 1;
	}

	if (value === 'false') {
		return 0;
	}

	const level = Number.parseInt(value, 10);
	return Number.isNaN(level) ? 1 : Math.max(0, Math.min(3, level)) as ColorLevel;
}

const truecolorTerms = /^(?:xterm-kitty|xterm-ghostty|wezterm|alacritty|foot(?:-extra)?|contour|rio|.*-direct)$/;
const truecolorPrograms = new Set(['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper', 'Tabby', 'rio']);
const basicTerms = /^(?:screen|tmux|xterm|vt[12]\d\d|rxvt|linux|cygwin|ansi|putty|konsole|eterm|st)(?:$|-)|color/i;

/**
 * Colour depth: `FORCE_COLOR` (`0`–`3`, `true`, `false`, empty = 16 colours) wins, as in Node itself;
 * then a non-empty `NO_COLOR`, output that is not a terminal and `TERM=dumb` mean none; then
 * `COLORTERM`, `TERM` and the terminal program name tell the depth.
 */
export function detectColorLevel(env: Env, isTTY: boolean): ColorLevel {
	const forced = env['FORCE_COLOR'];
	if (forced !== undefined) {
		return forcedColorLevel(forced);
	}

	const term = env['TERM'] ?? '';
	if ((env['NO_COLOR'] ?? '') !== '' || !isTTY || term === 'dumb') {
		return 0;
	}

	const colorterm = (env['COLORTERM'] ?? '').toLowerCase();
	if (colorterm === 'truecolor' || colorterm === '24bit' || truecolorTerms.test(term) || truecolorPrograms.has(env['TERM_PROGRAM'] ?? '') || env['WT_SESSION'] !== undefined) {
		return 3;
	}

	if (/-256(?:colou?r)?$/i.test(term)) {
		return 2;
	}

	if (basicTerms.test(term) || colorterm !== '') {
		return 1;
	}

	return 0;
}

function versionAtLeast(version: string | undefined, minimum: number[]): boolean {
	if (!version) {
		return false;
	}

	const parts = version.split('.').map(part => Number.parseInt(part, 10));
	for (const [index, wanted] of minimum.entries()) {
		const part = parts[index] ?? 0;
		if (Number.isNaN(part) || part !== wanted) {
			return !Number.isNaN(part) && part > wanted;
		}
	}

	return true;
}

const hyperlinkTerms = /^(?:xterm-kitty|xterm-ghostty|wezterm|foot(?:-extra)?|alacritty|contour|rio)$/;

/**
 * OSC 8 hyperlinks: only for terminals known to support them (others may print the sequence as
 * garbage); `FORCE_HYPERLINK=1`/`0` overrides. Inside tmux or screen the outer terminal is unknown
 * and tmux drops OSC 8 unless configured, so no.
 */
export function detectHyperlinks(env: Env, isTTY: boolean): boolean {
	const forced = env['FORCE_HYPERLINK'];
	if (forced !== undefined && forced !== '') {
		return forced !== '0' && forced !== 'false';
	}

	const term = env['TERM'] ?? '';
	if (!isTTY || term === 'dumb' || /^(?:screen|tmux)/.test(term) || env['TMUX'] !== undefined || env['STY'] !== undefined) {
		return false;
	}

	if (hyperlinkTerms.test(term) || env['WT_SESSION'] !== undefined || env['DOMTERM'] !== undefined) {
		return true;
	}

	switch (env['TERM_PROGRAM']) {
		case 'iTerm.app': {
			return versionAtLeast(env['TERM_PROGRAM_VERSION'], [3, 1]);
		}

		case 'vscode': {
			return versionAtLeast(env['TERM_PROGRAM_VERSION'], [1, 72]);
		}

		case 'WezTerm':
		case 'ghostty':
		case 'Tabby':
		case 'Hyper':
		case 'rio': {
			return true;
		}

		default: {
			break;
		}
	}

	// VTE 0.50.0 crashed on OSC 8; 0.50.1 (5001) onwards handles it. Konsole since 20.04.
	const vte = Number.parseInt(env['VTE_VERSION'] ?? '', 10);
	const konsole = Number.parseInt(env['KONSOLE_VERSION'] ?? '', 10);
	return vte >= 5001 || konsole >= 200_400;
}

/** Colour, hyperlinks and text attributes together; `noColor` is the `--no-color` flag and beats every colour setting. */
export function terminalCapabilities(env: Env, isTTY: boolean, noColor = false): TerminalCapabilities {
	const colorLevel = noColor ? 0 : detectColorLevel(env, isTTY);
	const attributes = colorLevel > 0 || (isTTY && env['TERM'] !== 'dumb');
	return {colorLevel, hyperlinks: colorLevel > 0 && detectHyperlinks(env, isTTY), attributes};
}

/** Columns to lay text out in: a positive `COLUMNS`, else the terminal's, else 80. */
export function terminalColumns(env: Env, columns: number | undefined): number {
	const fromEnv = Number.parseInt(env['COLUMNS'] ?? '', 10);
	if (fromEnv > 0) {
		return fromEnv;
	}

	return columns !== undefined && columns > 0 ? columns : 80;
}

/**
 * Light or dark background for `--theme auto`: the colour the terminal reported (OSC 11, see
 * `askBackground`) when it did; else `COLORFGBG` (`fg;bg`, set by rxvt, Konsole, iTerm2 and others)
 * naming the background colour, 7 and 9–15 being light; else dark, the common case.
 */
export function detectTheme(env: Env, reported?: Rgb): 'dark' | 'light' {
	if (reported) {
		return isLight(reported) ? 'light' : 'dark';
	}

	const background = Number.parseInt((env['COLORFGBG'] ?? '').split(';').at(-1) ?? '', 10);
	return background === 7 || (background >= 9 && background <= 15) ? 'light' : 'dark';
}
