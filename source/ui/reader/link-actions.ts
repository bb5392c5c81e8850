import type {RenderedArticle, RenderedLink} from '../../render/article.js';
import type {Segment} from '../segments.js';

/** Only these leave the app for the browser: never `file:`, `javascript:` or a custom handler a post names. */
export function isOpenableUrl(target: string): boolean {
	return /^(?:https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(target);
}

/** Terminals cap OSC 52 payloads (xterm at about 100 KB); an address past this is not a real one. */
export const maxCopyLength = 8192;

/** The OSC 52 sequence that puts `text` on the clipboard of the terminal showing it, locally or over SSH. */
export function osc52(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** What `y` copies: the highlighted link's address, else the `#anchor` of the heading in view. */
export function copyTarget(link: RenderedLink | undefined, article: RenderedArticle, section: number): string | undefined {
	if (link) {
		return link.target;
	}

	const heading = article.headings[section];
	return heading ? `#${heading.id}` : undefined;
}

/**
 * A link's whole address as status lines of at most `columns`, cut anywhere (an address has no
 * spaces to wrap at); undefined when it fits on one line beside `→`.
 */
export function addressLines(target: string, columns: number): Segment[][] | undefined {
	const width = Math.max(1, columns - 1);
	const text = ` → ${target}`;
	const characters = [...text];
	if (characters.length <= width) {
		return undefined;
	}

	const lines: Segment[][] = [];
	for (let start = 0; start < characters.length; start += width) {
		lines.push([{text: characters.slice(start, start + width).join(''), color: 'status-link'}]);
	}

	return lines;
}
