/** JSX's way of writing a space between lines (`released{' '}`), in MDX and its HTML blocks. */
export const jsxSpace = /\{\s*(['"])\s*\1\s*\}/g;

// Where a component's tags are replaced: a private-use character, taken off with the line's edges.
const tagMark = '\uE000';
const startsWithComponent = /^ {0,3}<[A-Z]/;
const componentStart = /<\/?[A-Z][\w.:-]*(?=[\s/>])/g;

/**
 * Where the tag starting at `start` ends (after its `>`), skipping `>` inside quoted attributes and
 * `{…}` expressions (`className={({selected}) => …}`), which may span lines; -1 when it never closes.
 */
function tagEnd(text: string, start: number): number {
	let depth = 0;
	let quote = '';
	// A tag longer than this is not one: the cap keeps `<A {` repeated from costing quadratic time.
	const last = Math.min(text.length, start + 2048);
	for (let index = start + 1; index < last; index++) {
		const character = text[index]!;
		if (quote !== '') {
			if (character === '\\') {
				index++;
			} else if (character === quote) {
				quote = '';
			}
		} else if (character === '"' || character === '\'' || (character === '`' && depth > 0)) {
			quote = character;
		} else if (character === '{') {
			depth++;
		} else if (character === '}') {
			depth = Math.max(0, depth - 1);
		} else if (character === '>' && depth === 0) {
			return index + 1;
		} else if (character === '<' && depth === 0) {
			return -1;
		}
	}

	return -1;
}

/**
 * The block with every component tag replaced by `tagMark`, and for each of its lines the line of
 * `html` it starts on (a tag over several lines becomes one mark): one pass, each tag read once.
 */
function markTags(html: string): {text: string; sources: number[]} {
	let out = '';
	let from = 0;
	let line = 0;
	const sources = [0];
	const keep = (piece: string) => {
		for (let index = piece.indexOf('\n'); index !== -1; index = piece.indexOf('\n', index + 1)) {
			sources.push(++line);
		}

		out += piece;
	};

	componentStart.lastIndex = 0;
	for (let match = componentStart.exec(html); match; match = componentStart.exec(html)) {
		const end = tagEnd(html, match.index);
		if (end === -1) {
			continue;
		}

		keep(html.slice(from, match.index));
		out += tagMark;
		line += html.slice(match.index, end).split('\n').length - 1;
		from = end;
		componentStart.lastIndex = end;
	}

	keep(html.slice(from));
	return {text: out, sources};
}

function indentOf(line: string): number {
	return line.length - line.trimStart().length;
}

/**
 * The Markdown children of an MDX JSX block (`<Callout>` … `</Callout>`, nested, with attributes and
 * `{…}` expressions in them, over several lines), with the component tags dropped and the common
 * indentation removed (MDX has no indented code); undefined when the HTML block does not start with
 * a component tag. A line that was only tags becomes blank: in MDX such a line is a block of its own.
 * `lines[i]` is the line of `html` that line `i` of `markdown` comes from.
 */
export function jsxChildLines(html: string): {markdown: string; lines: number[]} | undefined {
	if (!startsWithComponent.test(html)) {
		return undefined;
	}

	const marked = markTags(html);
	// A line that lost a leading tag starts at its text; the others keep their indentation relative to each other.
	const lines = marked.text.split('\n').map(line => {
		let end = line.trimEnd().length;
		while (end > 0 && (line[end - 1] === tagMark || line[end - 1] === ' ' || line[end - 1] === '\t')) {
			end--;
		}

		const text = line.slice(0, end).replace(jsxSpace, ' ');
		const rest = text.replace(/^\s*(?:\uE000\s*)+/, '');
		return {text: rest.replaceAll(tagMark, ''), indented: rest === text};
	});
	// A loop, not Math.min(...): the outline's scanner reads blocks of any length, and a spread overflows the stack.
	let indent = Number.POSITIVE_INFINITY;
	for (const line of lines) {
		if (line.indented && line.text.trim() !== '') {
			indent = Math.min(indent, indentOf(line.text));
		}
	}

	const texts = lines.map(line => line.indented ? line.text.slice(Math.min(indent, indentOf(line.text))) : line.text);
	const first = texts.findIndex(text => text.trim() !== '');
	return first === -1 ? {markdown: '', lines: []} : {markdown: texts.slice(first).join('\n').trim(), lines: marked.sources.slice(first)};
}

export function jsxChildren(html: string): string | undefined {
	return jsxChildLines(html)?.markdown;
}

/** Where the lexer starts an MDX component block (render/lexer.ts), and the outline's scanner looks inside one. */
export const componentLine = /^ {0,3}<\/?[A-Z][\w.:-]*(?=[\s/>]|$)/;
