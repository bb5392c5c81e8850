import {defaultExtensions} from '../content/discover-files.js';
import type {ThemeChoice} from '../serve/options.js';
import {usageError} from './errors.js';
import type {Flags} from './parse-args.js';

export type GlobalOptions = {
	theme: ThemeChoice;
	/** `--width`; undefined = the terminal decides. */
	width: number | undefined;
	/** The default extensions plus every `--ext`, lower case, without dots, each once. */
	extensions: string[];
	/** False with `--no-color`. */
	color: boolean;
	watch: boolean;
	state: boolean;
	/** False with `--no-cache`: every post is read from disk and no index is kept. */
	cache: boolean;
	drafts: boolean;
};

/** Widths past this are typos, and would make every rule and table a megabyte wide. */
const maxWidth = 1000;

/** A whole number written in decimal digits, else undefined (`Number('')` is 0, `Number('1e3')` is 1000). */
export function wholeNumber(text: string | undefined): number | undefined {
	return text !== undefined && /^\s*-?\d+\s*$/.test(text) ? Number.parseInt(text, 10) : undefined;
}

function parseWidth(text: string | undefined): number | undefined {
	if (text === undefined) {
		return undefined;
	}

	const width = wholeNumber(text);
	if (width === undefined || width < 20) {
		throw usageError('--width must be a number ≥ 20');
	}

	if (width > maxWidth) {
		throw usageError(`--width must be at most ${maxWidth}`);
	}

	return width;
}

function parseTheme(text: string | undefined): ThemeChoice {
	if (text === undefined) {
		return 'auto';
	}

	const theme = text.toLowerCase();
	if (theme !== 'dark' && theme !== 'light' && theme !== 'auto') {
		throw usageError(`--theme must be dark, light or auto, not "${text}"`);
	}

	return theme;
}

function parseExtensions(given: readonly string[]): string[] {
	const extensions = new Set(defaultExtensions);
	for (const value of given) {
		for (const part of value.split(',')) {
			const extension = part.trim().replace(/^\.+/, '').toLowerCase();
			if (!/^[\p{L}\p{N}_-]+$/u.test(extension)) {
				throw usageError(`--ext needs a file extension such as txt, not "${value}"`);
			}

			extensions.add(extension);
		}
	}

	return [...extensions];
}

/** The flags every command takes, checked: a bad value is a usage error (exit 2). */
export function globalOptions(flags: Flags): GlobalOptions {
	return {
		theme: parseTheme(flags.theme),
		width: parseWidth(flags.width),
		extensions: parseExtensions(flags.ext),
		color: flags.color,
		watch: flags.watch,
		state: flags.state,
		cache: flags.cache,
		drafts: flags.drafts,
	};
}
