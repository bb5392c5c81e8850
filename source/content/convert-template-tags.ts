import {scanBody} from './outline.js';

/**
 * Generators run a template language over a post before Markdown sees it, and posts carry its tags:
 * Liquid (Jekyll, Hexo: `{% highlight ruby %}`, `{% raw %}`, `{{ site.baseurl }}`), Hugo shortcodes
 * (`{{< figure src="…" >}}`, `{{% notice %}}…{{% /notice %}}`) and Zola's (`{{ youtube(id="…") }}`,
 * `{% note() %}…{% end %}`). A reader would see them raw: this turns each into what the site shows, as
 * Markdown, so the outline, the search and the article all read the same text:
 * - code tags (`highlight`, `codeblock`) become fenced code with their language;
 * - pictures (`figure`, `asset_img`, any tag with an `image` or `src`) become images with their alt or
 *   caption, videos, audio and embeds (`youtube`, `vimeo`, `tweet`, `gist`) labelled links;
 * - paired asides (`notice`, `note`, `aside(…)`, any Hugo pair) become quotes keeping their Markdown,
 *   their title in bold; Liquid's `comment` and `capture` blocks go, as the site shows nothing of them;
 * - links to posts (`post_url`, `link`, `ref`, `relref`) become the post's slug; site variables inside
 *   a link's address (`{{ site.baseurl }}`) go and a literal with URL filters is kept, so the link still resolves;
 * - Liquid logic (`if`, `for`, `assign` …) goes; any other tag is a `[name: argument]` placeholder.
 * Code is never touched (a post about templates shows them as written) except that Liquid's
 * `{% raw %}`/`{% endraw %}` go everywhere: Jekyll runs Liquid over code too, and they only exist to show
 * what they hold as written, which stays exactly so.
 */

export type TemplateConversion = {
	body: string;
	/** The names of the tags shown as placeholders, once each per use, in order. */
	placeholders: string[];
};

type Tag = {kind: 'statement' | 'shortcode' | 'expression'; name: string; arguments: string; call: boolean; inner: string};
type Arguments = {named: Map<string, string>; positional: string[]};

const rawTag = /\{%-?\s*(raw|endraw)\s*-?%\}/g;
// Hugo's `{{< x >}}` and `{{% x %}}` before Liquid's and Zola's `{{ x }}` and `{% x %}`: each alternative
// starts differently, and a tag holds no brace, so a search from an unclosed `{%` stops at the next one.
const anyTag = /\{\{([<%])\s*([^{}]*?)\s*[>%]\}\}|\{%-?\s*([^{}]*?)\s*-?%\}|\{\{-?\s*([^{}]*?)\s*-?\}\}/g;
const codeSpan = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;
const argument = /(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s,)"']+))|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s,=]+)/g;
const tagName = /^(\/?[\w-]+)\s*(?:\(([\s\S]*)\))?\s*([\s\S]*)$/;
const logic = new Set(['if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'for', 'endfor', 'case', 'when', 'endcase', 'assign', 'increment', 'decrement', 'cycle', 'break', 'continue', 'tablerow', 'endtablerow']);
// Blocks whose content the site never shows.
const hidden = new Set(['comment', 'capture']);
const mathTags = new Set(['katex', 'mathjax', 'latex', 'math']);
const codeTags = new Set(['highlight', 'codeblock', 'code', ...mathTags]);
const noteClasses = new Set(['default', 'primary', 'success', 'info', 'warning', 'danger', 'no-icon']);
// Hugo asides whose kind is their heading (`{{% notice warning %}}` shows "Warning").
const kindTitled = new Set(['notice', 'hint', 'alert', 'admonition', 'callout']);
const audio = /\.(?:mp3|m4a|ogg|oga|wav|flac|opus)$/i;
// A shortcode written over several lines (`{{ figure(image="…",` … `) }}`) ends within this many lines.
const maxShortcodeLines = 20;
// Blocks open at once; asides drawn inside one another (a deeper one keeps its text, unquoted).
const maxOpen = 64;
const maxAsides = 8;

function parseTag(match: RegExpMatchArray): Tag | undefined {
	const [, hugo, hugoInner, statement, expression] = match;
	const inner = (hugo ? hugoInner : statement ?? expression)!;
	const kind = hugo ? 'shortcode' : statement === undefined ? 'expression' : 'statement';
	const parts = tagName.exec(inner);
	if (!parts) {
		return kind === 'expression' ? {kind, name: '', arguments: inner, call: false, inner} : undefined;
	}

	const call = parts[2] !== undefined;
	return {kind, name: parts[1]!.toLowerCase(), arguments: call ? parts[2]! : parts[3]!, call, inner};
}

function parseArguments(text: string): Arguments {
	const named = new Map<string, string>();
	const positional: string[] = [];
	for (const [, key, double, single, bare, positionalDouble, positionalSingle, positionalBare] of text.matchAll(argument)) {
		const value = (double ?? single ?? bare ?? positionalDouble ?? positionalSingle ?? positionalBare ?? '').replace(/\\(.)/g, '$1');
		if (key === undefined) {
			positional.push(value);
		} else {
			named.set(key.toLowerCase(), value);
		}
	}

	return {named, positional};
}

/** Text safe to put in Markdown as it is: no character of it starts emphasis, code, a link or HTML. */
function literal(text: string): string {
	return text.replace(/[\\`*_[\]<>&~|!#]/g, '\\$&');
}

function destination(url: string): string {
	return `<${url.replace(/[<>\n]/g, '')}>`;
}

function label(text: string): string {
	return text.replace(/[[\]\n]/g, '');
}

/** The linked post's slug: `_posts/2018-01-02-x.md` and `posts/x.md#part` give `x` and `x#part`, which the reader resolves like any link between posts. */
function postSlug(target: string): string {
	const [path, anchor] = target.split('#', 2);
	const slug = path!.split('/').filter(Boolean).pop()?.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '') ?? '';
	return anchor === undefined ? slug : `${slug}#${anchor}`;
}

/** A picture, video, audio or embed as a Markdown image or link, or undefined when the tag is none of these. */
function media(tag: Tag, args: Arguments): string | undefined {
	const {named, positional} = args;
	const caption = named.get('alt') ?? named.get('caption') ?? named.get('title');
	const id = named.get('id') ?? positional[0];
	if ((tag.name === 'youtube' || tag.name === 'vimeo') && id) {
		const url = tag.name === 'youtube' ? `https://www.youtube.com/watch?v=${encodeURIComponent(id)}` : `https://vimeo.com/${encodeURIComponent(id)}`;
		return `[${tag.name === 'youtube' ? 'YouTube' : 'Vimeo'} video${caption ? `: ${label(caption)}` : ''}](${destination(url)})`;
	}

	if ((tag.name === 'tweet' || tag.name === 'twitter') && (id || named.get('url'))) {
		const user = named.get('user') ?? (positional.length > 1 ? positional[0] : undefined);
		const status = named.get('id') ?? positional.at(-1)!;
		const url = named.get('url') ?? (/^https?:/.test(status) ? status : `https://twitter.com/${user ? encodeURIComponent(user) : 'i'}/status/${encodeURIComponent(status)}`);
		return `[tweet](${destination(url)})`;
	}

	if (tag.name === 'gist' && (named.get('url') || positional.length > 0)) {
		return `[gist](${destination(named.get('url') ?? `https://gist.github.com/${positional.join('/')}`)})`;
	}

	if (tag.name === 'asset_img' || tag.name === 'asset_image' || tag.name === 'img') {
		// Hexo: `{% asset_img [class…] file.png [width height] [title] %}`.
		const words = [...tag.arguments.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(word => word[1] ?? word[2] ?? word[3]!);
		const file = words.findIndex(word => /\.\w+$/.test(word) || word.includes('/'));
		if (file !== -1) {
			const rest = words.slice(file + 1).filter(word => !/^\d+$/.test(word));
			return `![${label(rest.join(' '))}](${destination(words[file]!)})`;
		}
	}

	const video = named.get('video') ?? (tag.name === 'video' ? named.get('src') : undefined);
	if (video) {
		return `[video: ${label(caption ?? video.split('/').pop()!)}](${destination(video)})`;
	}

	const source = named.get('image') ?? named.get('src');
	if (source && (tag.name === 'audio' || audio.test(source))) {
		return `[audio: ${label(caption ?? source.split('/').pop()!)}](${destination(source)})`;
	}

	if (source || ((tag.name === 'figure' || tag.name === 'image') && positional[0])) {
		return `![${label(caption ?? '')}](${destination(source ?? positional[0]!)})`;
	}

	return undefined;
}

/** A Liquid output's text where it stands in a link's address: a literal passed through URL filters is kept, a variable goes. */
function outputInAddress(expression: string): string {
	const quoted = /^\s*(?:"([^"]*)"|'([^']*)')\s*(?:\|[\s\w:,"'-]*)?$/.exec(expression);
	return quoted ? (quoted[1] ?? quoted[2]!) : '';
}

// Just before a tag: inside a link's address (`](…`, `[id]: …`, `href="…`).
const inAddress = /(?:\]\(\s*<?|^ {0,3}\[[^\]]+\]:\s*<?|(?:href|src)\s*=\s*["'])[^\s()"'<>]*$/;

/** What the reader sees for one tag in running text; `undefined` leaves it as written (a bare `{{ name }}` may be any text in braces). */
function inlineTag(tag: Tag, before: string, placeholders: string[]): string | undefined {
	if (tag.kind === 'expression' && !tag.call) {
		if (inAddress.test(before)) {
			return outputInAddress(tag.inner);
		}

		const expression = tag.inner;
		if (/^(?:site|page|post|include|layout|jekyll|paginator|theme)\./.test(expression) || /^\s*["']/.test(expression)) {
			placeholders.push(expression.split(/[.\s|]/)[0]!);
			return `\\[${literal(expression.replace(/\s*\|[\s\S]*$/, '').replace(/^["']|["']$/g, ''))}\\]`;
		}

		return undefined;
	}

	if (tag.name.startsWith('/') || logic.has(tag.name) || closes(tag) !== undefined) {
		return '';
	}

	const args = parseArguments(tag.arguments);
	if (tag.name === 'post_url' || tag.name === 'link' || tag.name === 'ref' || tag.name === 'relref') {
		return args.positional[0] === undefined ? '' : postSlug(args.positional[0]);
	}

	const shown = media(tag, args);
	if (shown !== undefined) {
		return shown;
	}

	// One argument says what the tag is about: `{% include nav.html %}` → `[include: nav.html]`, `{{ money(amount=5) }}` → `[money: 5]`.
	const values = [...args.positional, ...args.named.values()];
	placeholders.push(tag.name);
	return `\\[${literal(values.length === 1 ? `${tag.name}: ${values[0]}` : tag.name)}\\]`;
}

// How much of the line before a tag tells whether the tag stands in a link's address.
const addressContext = 600;

/** Converts the tags in text outside code spans (`prefix`: the line so far); `dropped` tells whether every tag found went and left nothing. */
function convertText(text: string, placeholders: string[], prefix: string): {text: string; dropped: boolean} {
	if (!text.includes('{%') && !text.includes('{{')) {
		return {text, dropped: false};
	}

	const parts: string[] = [];
	// The end of what is written so far, kept short so each tag costs the same however many precede it.
	let recent = prefix.slice(-addressContext);
	const write = (piece: string) => {
		parts.push(piece);
		recent = (recent + piece.slice(-addressContext)).slice(-addressContext);
	};

	let kept = false;
	let tags = 0;
	const convertPart = (part: string) => {
		let at = 0;
		for (const match of part.matchAll(anyTag)) {
			write(part.slice(at, match.index));
			const tag = parseTag(match);
			const shown = tag ? inlineTag(tag, recent.slice(recent.lastIndexOf('\n') + 1), placeholders) : undefined;
			write(shown ?? match[0]);
			at = match.index + match[0].length;
			tags++;
			kept ||= shown !== '';
		}

		write(part.slice(at));
	};

	let last = 0;
	for (const span of text.matchAll(codeSpan)) {
		convertPart(text.slice(last, span.index));
		write(span[0]);
		last = span.index + span[0].length;
		kept = true;
	}

	convertPart(text.slice(last));
	const out = parts.join('');
	return {text: out, dropped: tags > 0 && !kept && out.trim() === ''};
}

const blockLine = /^ {0,3}(?:\{\{([<%])\s*([^{}]*?)\s*[>%]\}\}|\{%-?\s*([^{}]*?)\s*-?%\})[ \t]*$/;

/** The tag alone on this line (Hugo's or a `{% … %}` statement), if it is. */
function lineTag(line: string): Tag | undefined {
	const match = line.includes('{') ? blockLine.exec(line) : null;
	return match ? parseTag([match[0], match[1], match[2], match[3], undefined] as unknown as RegExpMatchArray) : undefined;
}

/** What a closing tag closes: `end` (Zola) closes any call, `endnote` a `note`, `/notice` a `notice`. */
function closes(tag: Tag): string | undefined {
	if (tag.kind === 'shortcode') {
		return tag.name.startsWith('/') ? tag.name.slice(1) : undefined;
	}

	return tag.name === 'end' ? '()' : tag.name.startsWith('end') ? tag.name.slice(3) : undefined;
}

function opens(tag: Tag): string | undefined {
	return tag.name.startsWith('/') || closes(tag) !== undefined || logic.has(tag.name) ? undefined : tag.call ? '()' : tag.name;
}

/**
 * Each block tag alone on its line paired with the closing tag alone on its line that ends it, nested
 * ones matched innermost first, in one pass: a map from the opening line to the closing one. Lines of
 * code, of raw regions and inside code tags hold no tags.
 */
function pairBlocks(lines: string[], code: number[]): Map<number, number> {
	const pairs = new Map<number, number>();
	const open: Array<{key: string; line: number}> = [];
	let inRaw = false;
	let codeTag: string | undefined;
	for (const [index, line] of lines.entries()) {
		const wasRaw = inRaw;
		if (line.includes('{%')) {
			for (const match of line.matchAll(rawTag)) {
				inRaw = !inRaw && match[1] === 'raw';
			}
		}

		const tag = wasRaw || inRaw || isCodeLine(code, index) ? undefined : lineTag(line);
		if (!tag) {
			continue;
		}

		const closed = closes(tag);
		if (codeTag !== undefined) {
			if (closed === codeTag) {
				pairs.set(open.pop()!.line, index);
				codeTag = undefined;
			}

			continue;
		}

		if (closed !== undefined) {
			const at = open.findLastIndex(candidate => candidate.key === closed);
			if (at !== -1) {
				pairs.set(open[at]!.line, index);
				open.length = at;
			}

			continue;
		}

		const key = opens(tag);
		if (key !== undefined) {
			// Tags that never close (`{% include %}`) pile up: past this many the oldest is forgotten.
			if (open.length === maxOpen) {
				open.shift();
			}

			open.push({key, line: index});
			codeTag = codeTags.has(key) ? key : undefined;
		}
	}

	return pairs;
}

/** Whether a line is in one of the `[first, last]` code ranges (ascending): a binary search. */
function isCodeLine(code: number[], index: number): boolean {
	let low = 0;
	let high = code.length / 2;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (code[2 * middle + 1]! < index) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}

	return low < code.length / 2 && code[2 * low]! <= index;
}

function asideTitle(tag: Tag, args: Arguments): string {
	const titled = args.named.get('title') ?? args.named.get('summary') ?? args.named.get('header');
	if (titled !== undefined) {
		return titled;
	}

	if (tag.name === 'note' && tag.kind === 'statement' && !tag.call) {
		return tag.arguments.trim().split(/\s+/).filter(word => word !== '' && !noteClasses.has(word)).join(' ');
	}

	const kind = args.positional[0];
	if (kindTitled.has(tag.name) && kind) {
		return kind[0]!.toUpperCase() + kind.slice(1);
	}

	return tag.kind === 'shortcode' && kind !== undefined && /["']/.test(tag.arguments) ? kind : '';
}

/** The body with its template tags turned into Markdown, or undefined when it has none to convert. */
export function convertTemplateTags(body: string, code: number[] = body.includes('{') ? scanBody(body).code : []): TemplateConversion | undefined {
	if (!body.includes('{%') && !body.includes('{{')) {
		return undefined;
	}

	const lines = body.split('\n');
	const pairs = pairBlocks(lines, code);
	const out: string[] = [];
	const placeholders: string[] = [];
	// The closing lines of the asides open, innermost last.
	const asides: number[] = [];
	let prefix = '';
	const emit = (line: string) => {
		out.push(prefix === '' ? line : line.trim() === '' ? prefix.trimEnd() : prefix + line);
	};

	let inRaw = false;
	// Inside a code tag: its closing line.
	let codeBlock: {end: number} | undefined;
	for (let index = 0; index < lines.length; index++) {
		while (asides.at(-1) === index) {
			asides.pop();
			prefix = '> '.repeat(asides.length);
		}

		const line = lines[index]!;
		if (codeBlock) {
			emit(index === codeBlock.end ? '```' : line);
			codeBlock = index === codeBlock.end ? undefined : codeBlock;
			continue;
		}

		// Raw regions first: they cross lines and code, and what they hold stays as written.
		const pieces: Array<{text: string; convert: boolean}> = [];
		let at = 0;
		let hadRaw = false;
		if (line.includes('{%')) {
			for (const match of line.matchAll(rawTag)) {
				// Inside raw only `endraw` is a tag: `{% raw %}{% raw %}{% endraw %}` shows `{% raw %}`.
				if ((match[1] === 'raw') === inRaw) {
					continue;
				}

				pieces.push({text: line.slice(at, match.index), convert: !inRaw});
				inRaw = match[1] === 'raw';
				at = match.index + match[0].length;
				hadRaw = true;
			}
		}

		pieces.push({text: line.slice(at), convert: !inRaw});
		if (isCodeLine(code, index)) {
			const text = pieces.map(piece => piece.text).join('');
			if (!(hadRaw && text.trim() === '')) {
				emit(text);
			}

			continue;
		}

		const end = hadRaw || inRaw ? undefined : pairs.get(index);
		if (end !== undefined) {
			const block = blockTag(lineTag(line)!);
			if (block.kind === 'code') {
				emit(block.open);
				codeBlock = {end};
				continue;
			}

			if (block.kind === 'hidden') {
				index = end;
				continue;
			}

			if (asides.length < maxAsides) {
				for (const opening of block.lines) {
					emit(opening);
				}

				asides.push(end);
				prefix = '> '.repeat(asides.length);
				continue;
			}
		}

		const joined = hadRaw || inRaw ? undefined : joinShortcode(lines, index) ?? joinBrokenTag(lines, index, code);
		if (joined) {
			const converted = convertText(joined.text, placeholders, '');
			if (converted.text !== joined.text) {
				emit(converted.text);
				index = joined.end;
				continue;
			}
		}

		let written = '';
		let dropped = hadRaw;
		let kept = false;
		for (const piece of pieces) {
			const converted = piece.convert ? convertText(piece.text, placeholders, written) : {text: piece.text, dropped: false};
			written += converted.text;
			dropped ||= converted.dropped;
			kept ||= !converted.dropped && piece.text.trim() !== '';
		}

		// Tags alone on their line that leave nothing take the line with them.
		if (!(dropped && !kept && written.trim() === '')) {
			emit(written);
		}
	}

	const converted = out.join('\n');
	return converted === body ? undefined : {body: converted, placeholders};
}

type BlockTag = {kind: 'code'; open: string} | {kind: 'hidden'} | {kind: 'aside'; lines: string[]};

/** What a block tag alone on its line, closed at `end`, opens: code, a block the site hides, or an aside. */
function blockTag(tag: Tag): BlockTag {
	if (codeTags.has(tag.name) && !tag.call) {
		const words = tag.arguments.split(/\s+/).filter(Boolean);
		const language = mathTags.has(tag.name) ? 'latex' : tag.name === 'codeblock' ? words.find(word => word.startsWith('lang:'))?.slice(5) : words[0]?.replace(/^["']|["']$/g, '');
		return {kind: 'code', open: `\`\`\`${language && /^[\w+#.-]+$/.test(language) ? language : ''}`};
	}

	if (hidden.has(tag.name) && tag.kind === 'statement') {
		return {kind: 'hidden'};
	}

	const title = asideTitle(tag, parseArguments(tag.arguments));
	return {kind: 'aside', lines: title ? [`> **${literal(title)}**`, '>'] : []};
}

/** A tag that a paragraph's line break cut in two (`for {{ money(amount=5)` then `}} two years ago`), joined with the next line. */
function joinBrokenTag(lines: string[], index: number, code: number[]): {text: string; end: number} | undefined {
	const line = lines[index]!;
	const open = Math.max(line.lastIndexOf('{{'), line.lastIndexOf('{%'));
	const next = lines[index + 1];
	if (open === -1 || /[%}]\}/.test(line.slice(open)) || next === undefined || isCodeLine(code, index + 1) || !/^[^{]*?[%}>]\}/.test(next)) {
		return undefined;
	}

	return {text: `${line}\n${next}`, end: index + 1};
}

/** A Zola shortcode call written over several lines, joined into one, when its end is near. */
function joinShortcode(lines: string[], index: number): {text: string; end: number} | undefined {
	if (!/^ {0,3}\{\{\s*[a-z_]+\(/.test(lines[index]!) || /\)\s*\}\}[ \t]*$/.test(lines[index]!)) {
		return undefined;
	}

	for (let end = index + 1; end < lines.length && end - index <= maxShortcodeLines; end++) {
		if (/\)\s*\}\}[ \t]*$/.test(lines[end]!)) {
			return {text: lines.slice(index, end + 1).map(part => part.trim()).join(' '), end};
		}
	}

	return undefined;
}
