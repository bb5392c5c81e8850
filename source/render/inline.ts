import type {Token, Tokens} from 'marked';
import {emojify} from 'node-emoji';
import {decodeEntities, decodeHtmlEntities} from '../content/decode-entities.js';
import type {Run} from './lines.js';
import {type LinkRecord, linkKind} from './links.js';
import {sanitize, sanitizeProse} from './sanitize.js';
import {nest} from './style.js';

/** What inline rendering collects for the whole article. */
export type InlineContext = {
	links: LinkRecord[];
	/** Show a link's URL after its text (terminals without OSC 8). */
	showUrls: boolean;
	/** Ids of `<a id>`/`<a name>` met since the enclosing block started. */
	pendingAnchors: string[];
};

/** Body text as the reader sees it: safe, one line, emoji shortcodes replaced. */
export function prose(text: string): string {
	const clean = sanitizeProse(text);
	return clean.includes(':') ? emojify(clean) : clean;
}

/**
 * An image's alt text: the plain text of its description, where an image inside gives its own alt
 * and a link its text (CommonMark's rule), and nothing is registered as a link.
 */
function altText(tokens: Token[]): string {
	let text = '';
	for (const token of tokens) {
		if (token.type === 'image' || token.type === 'link' || token.type === 'strong' || token.type === 'em' || token.type === 'del' || (token.type === 'text' && token.tokens)) {
			text += altText(token.tokens ?? []);
		} else if (token.type === 'text') {
			text += prose(decodeEntities(token.raw));
		} else if (token.type === 'codespan' || token.type === 'escape') {
			text += sanitize(token.text as string);
		} else if (token.type === 'br') {
			text += ' ';
		}
	}

	return text;
}

function attribute(tag: string, name: string): string | undefined {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	const value = match?.[1] ?? match?.[2] ?? match?.[3];
	// `src={banner}` (MDX) is an expression, not an address: there is nothing to show for it.
	return value === undefined || value.startsWith('{') ? undefined : sanitize(decodeHtmlEntities(value));
}

/** Records anchors of `<a id|name>` and turns `<br>` and `<img>` into text; other tags vanish. */
export function htmlTagRuns(tag: string, key: string, context: InlineContext): Run[] {
	if (/^<a\s/i.test(tag)) {
		const id = attribute(tag, 'id') ?? attribute(tag, 'name');
		if (id) {
			context.pendingAnchors.push(id);
		}

		return [];
	}

	if (/^<br\b/i.test(tag)) {
		return [{text: '\n', key}];
	}

	if (/^<img\s/i.test(tag)) {
		return imageRuns(attribute(tag, 'alt') ?? '', attribute(tag, 'src') ?? '', key, context);
	}

	return [];
}

function imageRuns(alt: string, target: string, key: string, context: InlineContext): Run[] {
	const link = context.links.push({text: alt, target, kind: linkKind(target), image: true}) - 1;
	const label = alt.trim() === '' ? '[image]' : `[image: ${alt}]`;
	const runs: Run[] = [{text: label, key: nest(key, 'image'), link}];
	if (target !== '') {
		runs.push({text: ' ', key, link}, {text: target, key: nest(key, 'url'), link, ...(context.showUrls ? {unbroken: true as const} : {})});
	}

	return runs;
}

/** Turns marked's inline tokens into styled runs, registering links as it goes. */
export function inlineRuns(tokens: Token[], key: string, context: InlineContext): Run[] {
	return addInlineRuns([], tokens, key, context);
}

/** `inlineRuns` appending to `runs`: nested emphasis and links add to one array rather than each making its own. */
function addInlineRuns(runs: Run[], tokens: Token[], key: string, context: InlineContext): Run[] {
	for (const token of tokens) {
		switch (token.type) {
			case 'text': {
				const text = token as Tokens.Text;
				if (text.tokens && text.tokens.length > 0) {
					addInlineRuns(runs, text.tokens, key, context);
				} else {
					// From `raw`: marked's `text` is escaped for HTML, with numeric entities already decoded.
					runs.push({text: prose(decodeEntities(text.raw)), key});
				}

				break;
			}

			case 'escape': {
				runs.push({text: sanitize(token.text as string), key});
				break;
			}

			case 'strong':
			case 'em':
			case 'del': {
				addInlineRuns(runs, (token as Tokens.Strong).tokens, nest(key, token.type), context);
				break;
			}

			case 'codespan': {
				runs.push({text: sanitize(token.text as string).replaceAll('\n', ' '), key: nest(key, 'codespan')});
				break;
			}

			case 'br': {
				runs.push({text: '\n', key});
				break;
			}

			case 'link': {
				addLinkRuns(runs, token as Tokens.Link, key, context);
				break;
			}

			case 'image': {
				const image = token as Tokens.Image;
				const alt = altText(image.tokens ?? []);
				runs.push(...imageRuns(alt, sanitize(decodeEntities(image.href)), key, context));
				break;
			}

			case 'html': {
				runs.push(...htmlTagRuns(token.text as string, key, context));
				break;
			}

			case 'checkbox': {
				break;
			}

			default: {
				runs.push({text: prose(decodeEntities(token.raw)), key});
			}
		}
	}

	return runs;
}

function addLinkRuns(runs: Run[], token: Tokens.Link, key: string, context: InlineContext): void {
	const target = sanitize(decodeEntities(token.href)).trim();
	const index = context.links.length;
	context.links.push({text: '', target, kind: linkKind(target)});
	const start = runs.length;
	addInlineRuns(runs, token.tokens, nest(key, 'link'), context);
	// The runs were made just now for this link: marking them in place is safe (an image inside keeps its own link).
	let text = '';
	for (let position = start; position < runs.length; position++) {
		const run = runs[position]!;
		run.link ??= index;
		text += run.text;
	}

	context.links[index]!.text = text;
	const record = context.links[index]!;
	// An autolink or a bare address shows its URL already.
	const bare = target.replace(/^(?:https?:\/\/|mailto:)/i, '');
	if (context.showUrls && record.kind === 'external' && (text === target || text === bare)) {
		for (let position = start; position < runs.length; position++) {
			runs[position]!.unbroken = true;
		}
	} else if (context.showUrls && record.kind === 'external') {
		const urlKey = nest(key, 'url');
		runs.push({text: ' (', key: urlKey, link: index}, {text: target, key: urlKey, link: index, unbroken: true}, {text: ')', key: urlKey, link: index});
	}
}
