import type {RenderOptions} from './article.js';

/** The text column: at most the reading width (default 100), centred in what is left. */
export function layoutWidth(options: Pick<RenderOptions, 'width' | 'readingWidth'>): {width: number; margin: number} {
	const width = Math.max(1, Math.floor(Number.isFinite(options.width) ? options.width : 80));
	const cap = options.readingWidth ?? 100;
	const text = cap > 0 && Number.isFinite(cap) ? Math.min(width, Math.max(20, Math.floor(cap))) : width;
	return {width: text, margin: Math.floor((width - text) / 2)};
}
