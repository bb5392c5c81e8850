import TurndownService from 'turndown';

export type ConvertOptions = {
	/** Relative links and image addresses resolve against this (the item's link, or its `xml:base`). */
	base: string | undefined;
	/** A whole web page: keep only its `<article>` (else `<main>`, else the body). */
	page?: boolean;
};

// Nothing that runs, embeds, submits or only decorates reaches the Markdown.
const dropped = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript', 'template', 'form', 'button', 'input', 'select', 'textarea', 'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'picture', 'map', 'head', 'title', 'link', 'meta', 'base', 'nav', 'footer', 'aside', 'dialog']);
const safeScheme = /^(https?|mailto|ftp|gopher|gemini):/i;
// C0 and C1 controls other than tab and newline: `&#27;` in feed HTML decodes to a raw ESC.
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

function resolve(address: string | null, base: string | undefined): string | undefined {
	const trimmed = address?.trim();
	if (!trimmed) {
		return undefined;
	}

	if (trimmed.startsWith('#')) {
		return trimmed;
	}

	try {
		const url = new URL(trimmed, base);
		return safeScheme.test(url.protocol) ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/** A 1×1 image, or one hidden by style, is a tracking pixel, not part of the post. */
function isPixel(node: HTMLElement): boolean {
	const width = Number(node.getAttribute('width'));
	const height = Number(node.getAttribute('height'));
	const style = node.getAttribute('style') ?? '';
	return (node.hasAttribute('width') && width <= 1) || (node.hasAttribute('height') && height <= 1) || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function escapeLabel(text: string): string {
	return text.replaceAll(/[[\]\\]/g, character => `\\${character}`).replaceAll(/\s+/g, ' ').trim();
}

function destination(url: string): string {
	return /[\s()<>]/.test(url) ? `<${url.replaceAll(/[<>\s]/g, character => encodeURIComponent(character))}>` : url;
}

function cellText(cell: string): string {
	return cell.replaceAll('\n', ' ').replaceAll('|', '\\|').trim();
}

function firstRow(row: HTMLElement): boolean {
	let table: HTMLElement | null = row.parentElement;
	while (table && table.nodeName !== 'TABLE') {
		table = table.parentElement;
	}

	return table?.getElementsByTagName('tr')[0] === row;
}

/** Tables as GFM pipe tables, so the renderer lays them out to the terminal's width. */
function addTableRules(service: TurndownService): void {
	service.addRule('tableCell', {
		filter: ['th', 'td'],
		replacement: content => ` ${cellText(content)} |`,
	});
	service.addRule('tableRow', {
		filter: 'tr',
		replacement(content, node) {
			const cells = Array.from((node as HTMLElement).children).filter(cell => /^(td|th)$/i.test(cell.nodeName)).length;
			return `\n|${content}${firstRow(node as HTMLElement) ? `\n|${' --- |'.repeat(Math.max(1, cells))}` : ''}`;
		},
	});
	service.addRule('tableSection', {
		filter: ['thead', 'tbody', 'tfoot'],
		replacement: content => content,
	});
	service.addRule('table', {
		filter: 'table',
		replacement: content => `\n\n${content.trim()}\n\n`,
	});
}

function makeService(options: ConvertOptions, capture: {article?: string; main?: string}): TurndownService {
	const service = new TurndownService({headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_'});
	service.remove(node => dropped.has(node.nodeName.toLowerCase()));
	service.addRule('link', {
		filter: node => node.nodeName === 'A',
		replacement(content, node) {
			const href = resolve((node as HTMLElement).getAttribute('href'), options.base);
			const text = content.trim();
			if (!href || text === '') {
				return content;
			}

			return `[${text}](${destination(href)})`;
		},
	});
	service.addRule('image', {
		filter: node => node.nodeName === 'IMG',
		replacement(_content, node) {
			const element = node as HTMLElement;
			if (isPixel(element)) {
				return '';
			}

			const alt = escapeLabel(element.getAttribute('alt') ?? '');
			const source = resolve(element.getAttribute('src'), options.base);
			// Only the address is kept: nothing is ever fetched for an image.
			return source ? `![${alt}](${destination(source)})` : alt;
		},
	});
	addTableRules(service);
	service.addRule('fencedCode', {
		filter: node => node.nodeName === 'PRE',
		replacement(_content, node) {
			const element = node as HTMLElement;
			const code = element.querySelector('code');
			const language = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(`${code?.getAttribute('class') ?? ''} ${element.getAttribute('class') ?? ''}`)?.[1] ?? '';
			const text = (code ?? element).textContent ?? '';
			const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map(match => match[0].length));
			const fence = '`'.repeat(longest + 1);
			return `\n\n${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}\n\n`;
		},
	});
	if (options.page) {
		service.addRule('article', {
			filter: node => node.nodeName === 'ARTICLE' || node.nodeName === 'MAIN' || node.getAttribute('role') === 'main',
			replacement(content, node) {
				if (node.nodeName === 'ARTICLE') {
					capture.article ??= content;
				} else {
					capture.main ??= content;
				}

				return content;
			},
		});
	}

	return service;
}

/**
 * Feed or page HTML as Markdown for the renderer: headings, lists, code, tables, links and images
 * kept (links made absolute), scripts, frames, forms, page furniture and tracking pixels dropped,
 * control characters removed. The renderer still sanitises everything it draws.
 */
export function htmlToMarkdown(html: string, options: ConvertOptions): string {
	const capture: {article?: string; main?: string} = {};
	const whole = makeService(options, capture).turndown(html);
	const chosen = capture.article ?? capture.main ?? whole;
	return chosen.replaceAll(controls, '').replaceAll(/\n{3,}/g, '\n\n').trim();
}

/** Plain text (a JSON Feed's `content_text`) as Markdown that shows exactly that text. */
export function textToMarkdown(text: string): string {
	return text.replaceAll(controls, '')
		.replaceAll(/[\\`*_{}[\]<>#+\-.!|~]/g, character => `\\${character}`)
		.split(/\n{2,}/).map(paragraph => paragraph.replaceAll('\n', '  \n')).join('\n\n').trim();
}
