/**
 * Generators run a template language over a post before Markdown sees it, and some posts carry its
 * tags: Liquid's `{% raw %}…{% endraw %}` (Jekyll: what is inside is shown as written) and
 * `{% highlight ruby %}…{% endhighlight %}` (a code block), Zola's `{{ figure(image="…", alt="…") }}`
 * (or any shortcode alone on its line with an `image` or `src`)
 * and Hugo's `{{< figure src="…" >}}` (a picture). A reader would see them raw: this turns them into
 * what the site shows, and so are Jekyll's `{% post_url %}` / `{% link %}` (the linked post's slug) and
 * Hexo's `{% asset_img %}` (a picture). Text inside `raw` is left exactly as written.
 */

const rawTag = /\{%-?\s*(raw|endraw)\s*-?%\}/g;
const lineEnd = /[ \t]*(?:\n|$)/y;
const highlightOpen = /^ {0,3}\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}[ \t]*$/;
const highlightClose = /^ {0,3}\{%-?\s*endhighlight\s*-?%\}[ \t]*$/;
// Any Zola shortcode alone on its line that names an image (`figure`, `float_svg`, …) is a picture.
const zolaFigure = /^ {0,3}\{\{\s*[a-z_]+\((.*)\)\s*\}\}[ \t]*$/;
const hugoFigure = /^ {0,3}\{\{[<%]\s*figure\s+(.*?)\s*[>%]\}\}[ \t]*$/;
// Jekyll's links to other posts (`{% post_url 2018-01-02-x %}`, `{% link _posts/2018-01-02-x.md %}`) and Hexo's pictures in a post's folder (`{% asset_img shot.png A title %}`).
const postLink = /\{%-?\s*(?:post_url|link)\s+([^\s%]+)\s*-?%\}/g;
const assetImage = /\{%\s*asset_img\s+(?:[\w-]+\s+)*?([^\s%]+\.\w+)(?:\s+\d+){0,2}\s*(.*?)\s*%\}/g;
const argument = /(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/g;

function figure(args: string): string | undefined {
	const values = new Map<string, string>();
	for (const [, key, double, single] of args.matchAll(argument)) {
		values.set(key!, (double ?? single ?? '').replace(/\\(.)/g, '$1'));
	}

	const video = values.get('video');
	if (video) {
		return `[video: ${(values.get('alt') ?? values.get('caption') ?? video.split('/').pop()!).replace(/[[\]]/g, '')}](<${video.replace(/[<>]/g, '')}>)`;
	}

	const source = values.get('image') ?? values.get('src');
	if (!source) {
		return undefined;
	}

	const text = (values.get('alt') ?? values.get('caption') ?? values.get('title') ?? '').replace(/[[\]]/g, '');
	return `![${text}](<${source.replace(/[<>]/g, '')}>)`;
}

// A shortcode written over several lines (`{{ figure(image="…",` … `) }}`) ends within this many.
const maxShortcodeLines = 20;
const shortcodeStart = /^ {0,3}\{\{\s*[a-z_]+\(/;

// Block shortcodes (`{% aside(title="Why") %}` … `{% end %}` in Zola, `{% note info Title %}` … `{% endnote %}` in Hexo) are asides: a quote.
const zolaBlockOpen = /^ {0,3}\{%-?\s*[a-z_]+\((.*)\)\s*-?%\}[ \t]*$/;
const zolaBlockClose = /^ {0,3}\{%-?\s*end\s*-?%\}[ \t]*$/;
const hexoNoteOpen = /^ {0,3}\{%\s*note\b(.*?)%\}[ \t]*$/;
const hexoNoteClose = /^ {0,3}\{%\s*endnote\s*%\}[ \t]*$/;
const maxBlockLines = 500;
const noteClasses = new Set(['default', 'primary', 'success', 'info', 'warning', 'danger', 'no-icon']);

/** The title a block shortcode gives its aside: Zola's `title="…"`, or Hexo's words after the note's classes. */
function blockTitle(zolaArgs: string | undefined, hexoArgs: string | undefined): string {
	if (zolaArgs !== undefined) {
		return /title\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/.exec(zolaArgs)?.slice(1).find(value => value !== undefined) ?? '';
	}

	return (hexoArgs ?? '').trim().split(/\s+/).filter(word => !noteClasses.has(word)).join(' ');
}

/** For each line, the index of the next line (after it) that `close` matches, or -1: found in one pass from the end. */
function nextCloses(lines: string[], close: RegExp): Int32Array {
	const next = new Int32Array(lines.length).fill(-1);
	let found = -1;
	for (let index = lines.length - 1; index >= 0; index--) {
		next[index] = found;
		if (lines[index]!.includes('{%') && close.test(lines[index]!)) {
			found = index;
		}
	}

	return next;
}

type Closes = {zola: Int32Array; hexo: Int32Array};

/** An aside's lines as a quote, or undefined when its end is not found close enough. */
function asBlock(lines: string[], index: number, closes: () => Closes): {quote: string[]; end: number} | undefined {
	if (!lines[index]!.includes('{%')) {
		return undefined;
	}

	const zola = zolaBlockOpen.exec(lines[index]!);
	const hexo = zola ? undefined : hexoNoteOpen.exec(lines[index]!);
	if (!zola && !hexo) {
		return undefined;
	}

	const end = (zola ? closes().zola : closes().hexo)[index]!;
	if (end === -1 || end - index > maxBlockLines) {
		return undefined;
	}

	const title = blockTitle(zola?.[1], hexo?.[1]).replace(/\\(.)/g, '$1');
	const inner = lines.slice(index + 1, end);
	return {quote: [...(title ? [`> **${title.replace(/\*/g, '\\*')}**`, '>'] : []), ...inner.map(line => (line.trim() === '' ? '>' : `> ${line}`))], end};
}

function convertLines(text: string): string {
	const lines = text.split('\n');
	const out: string[] = [];
	let found: Closes | undefined;
	const closes = () => {
		found ??= {zola: nextCloses(lines, zolaBlockClose), hexo: nextCloses(lines, hexoNoteClose)};
		return found;
	};

	for (let index = 0; index < lines.length; index++) {
		const block = asBlock(lines, index, closes);
		if (block) {
			out.push(...block.quote);
			index = block.end;
			continue;
		}

		let line = lines[index]!;
		if (line.includes('{%')) {
			// A post link becomes the post's slug, which the reader resolves like any link between posts.
			line = line.replace(postLink, (_, target: string) => target.split('/').pop()!.replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, ''))
				.replace(assetImage, (_, file: string, title: string) => `![${title.replace(/^["']|["']$/g, '').replace(/[[\]]/g, '')}](<${file.replace(/[<>]/g, '')}>)`);
			lines[index] = line;
		}

		const open = highlightOpen.exec(line);
		if (open) {
			out.push(`\`\`\`${open[1]}`);
			continue;
		}

		if (highlightClose.test(line)) {
			out.push('```');
			continue;
		}

		let end = index;
		if (shortcodeStart.test(line) && !zolaFigure.test(line)) {
			while (end + 1 < lines.length && end - index < maxShortcodeLines && !/\)\s*\}\}[ \t]*$/.test(lines[end]!)) {
				end++;
			}

			line = lines.slice(index, end + 1).map(part => part.trim()).join(' ');
		}

		const args = zolaFigure.exec(line)?.[1] ?? hugoFigure.exec(line)?.[1];
		const picture = args === undefined ? undefined : figure(args);
		if (picture) {
			out.push(picture);
			index = end;
		} else {
			out.push(lines[index]!);
		}
	}

	return out.join('\n');
}

/** The body with its template tags turned into Markdown, or undefined when it has none. */
export function convertTemplateTags(body: string): string | undefined {
	if (!body.includes('{%') && !body.includes('{{')) {
		return undefined;
	}

	// Outside raw regions tags are converted; inside, the text stays; the raw tags themselves go.
	const parts: string[] = [];
	let inRaw = false;
	let last = 0;
	// Whether only blanks stand between the last line break written and the tag.
	let atLineStart = true;
	for (const match of body.matchAll(rawTag)) {
		const piece = body.slice(last, match.index);
		let written = inRaw ? piece : convertLines(piece);
		const lineStart = written.lastIndexOf('\n') + 1;
		const tail = written.slice(lineStart);
		atLineStart = tail.trim() === '' && (lineStart > 0 || atLineStart);
		inRaw = match[1] === 'raw';
		last = match.index + match[0].length;
		lineEnd.lastIndex = last;
		const after = lineEnd.exec(body);
		// A tag alone on its line takes the line with it.
		if (atLineStart && after && after[0].endsWith('\n')) {
			written = written.slice(0, lineStart);
			last += after[0].length;
		}

		parts.push(written);
	}

	const rest = body.slice(last);
	parts.push(inRaw ? rest : convertLines(rest));
	const converted = parts.join('');
	return converted === body ? undefined : converted;
}
