import {decodeHTML} from 'entities';

// Elements a browser lays out as blocks (or breaks): their tags separate words.
const blockTags = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'iframe', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul']);

const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z\d-]*)((?:\s+[^\s"'=<>`/]+(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*)\s*\/?>/y;
// Comments (`<!-->` and `<!--->` are whole, empty ones), processing instructions, declarations and
// CDATA: no text content in an HTML body.
const nonText = /<!--->|<!-->|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>/y;

function attribute(attributes: string, name: string): string | undefined {
	const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i').exec(attributes);
	const value = match?.[1] ?? match?.[2] ?? match?.[3];
	return value === undefined ? undefined : decodeHTML(value);
}

/** A URL as a reader wrote it: the spec's HTML percent-encodes what the Markdown had as characters. */
function asWritten(url: string): string {
	try {
		return decodeURI(url);
	} catch {
		return url;
	}
}

/**
 * The text a reader of `html` sees in a terminal rendering (whitespace not normalised): the text
 * content, entities decoded, with these presentational marks added where the HTML has the element,
 * since a terminal has no other way to show it:
 * - list items: `•` in a `<ul>`, `N.` in an `<ol>` (numbered from its `start`); a task item's
 *   checkbox `☑`/`☐` replaces the `•` and follows the number;
 * - headings of level 3 to 6: `###`… before the text (1 and 2 are underlined, see `terminalWords`);
 * - images: `[image: alt]` (or `[image]`) then the address;
 * - with `urls` (a terminal without hyperlinks): ` (address)` after a link that leaves the blog
 *   (it has a scheme), unless its text is that address already;
 * - block elements and `<br>` separate words.
 * `<script>` and `<style>` contents are left out: the renderer never shows them.
 */
export function referenceText(html: string, {urls = false} = {}): string {
	const out: string[] = [];
	const links: Array<{target: string; start: number}> = [];
	const lists: Array<{ordered: boolean; next: number}> = [];
	// Where the marker of the list item just opened is in `out`, until its first text.
	let marker: number | undefined;
	let index = 0;
	while (index < html.length) {
		if (html[index] === '<') {
			nonText.lastIndex = index;
			const skipped = nonText.exec(html);
			if (skipped) {
				index += skipped[0].length;
				continue;
			}

			tagPattern.lastIndex = index;
			const tag = tagPattern.exec(html);
			if (tag) {
				index += tag[0].length;
				const closing = tag[1] === '/';
				const name = tag[2]!.toLowerCase();
				const attributes = tag[3] ?? '';
				if (!closing && (name === 'script' || name === 'style')) {
					const end = html.toLowerCase().indexOf(`</${name}`, index);
					index = end === -1 ? html.length : end;
					continue;
				}

				if (blockTags.has(name)) {
					out.push('\n');
				}

				if (name === 'ul' || name === 'ol') {
					if (closing) {
						lists.pop();
					} else {
						lists.push({ordered: name === 'ol', next: Number(attribute(attributes, 'start') ?? 1)});
					}
				} else if (name === 'li' && !closing) {
					const list = lists.at(-1);
					marker = out.push(list?.ordered ? `${list.next++}.` : '•', ' ') - 2;
				} else if (name === 'input' && /\stype\s*=\s*"?checkbox/i.test(attributes)) {
					const box = /\schecked\b/i.test(attributes) ? '☑' : '☐';
					if (marker !== undefined && out[marker] === '•') {
						out[marker] = box;
					} else {
						out.push(box, ' ');
					}
				} else if (name === 'a' && urls) {
					if (!closing) {
						links.push({target: asWritten(attribute(attributes, 'href') ?? ''), start: out.length});
					} else if (links.length > 0) {
						const {target, start} = links.pop()!;
						const text = out.slice(start).join('');
						if (/^[a-z][a-z\d+.-]*:/i.test(target) && text !== target && text !== target.replace(/^(?:https?:\/\/|mailto:)/i, '')) {
							out.push(` (${target})`);
						}
					}
				} else if (/^h[3-6]$/.test(name) && !closing) {
					out.push('#'.repeat(Number(name[1])), ' ');
				} else if (name === 'img') {
					const alt = attribute(attributes, 'alt') ?? '';
					const source = asWritten(attribute(attributes, 'src') ?? '');
					out.push(alt.trim() === '' ? '[image]' : `[image: ${alt}]`, source === '' ? '' : ` ${source}`);
				}

				continue;
			}
		}

		const next = html.indexOf('<', index + 1);
		const end = next === -1 ? html.length : next;
		const text = decodeHTML(html.slice(index, end));
		if (text.trim() !== '') {
			marker = undefined;
		}

		out.push(text);
		index = end;
	}

	return out.join('');
}

const boxDrawing = /[\u2500-\u257F]/g;
const bullets = /[◦▪‣]/g;
const codeLabel = /^(\s*(?:│ )*)╭─ .*? ─+╮$/gm;

/**
 * Our plain rendering with its own presentational marks taken off: the label on a code frame's top
 * edge (the HTML has it as a class), then every box-drawing character (code frames, rules, quote
 * bars, table borders, the underlines of level 1 and 2 headings); the bullets of deeper lists are
 * one marker, `•`.
 */
export function terminalText(lines: string[]): string {
	return lines.join('\n').replace(codeLabel, '$1').replace(boxDrawing, '').replace(bullets, '•');
}

/** Whitespace normalised: what two texts must agree on. */
export function words(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}
