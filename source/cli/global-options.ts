import type {ThemeChoice} from '../serve/options.js';
import type {Settings} from './options-schema.js';

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

/** The settings every command reads (already checked against the schema). */
export function globalOptions(settings: Settings): GlobalOptions {
	return {
		theme: settings.theme,
		width: settings.width,
		extensions: settings.ext,
		color: settings.color,
		watch: settings.watch,
		state: settings.state,
		cache: settings.cache,
		drafts: settings.drafts,
	};
}
