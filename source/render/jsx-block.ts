// An MDX component tag: a capitalised name (`Callout`, `Tabs.Tab`), attributes with no `<` or `>`
// in them. HTML's own tags are lowercase in practice, and HTML blocks keep HTML's rule (no Markdown inside).
const tagAtStart = /^<\/?[A-Z][\w.:-]*(?:[\s/][^<>]*)?>/;
const wholeTag = /^<\/?[A-Z][\w.:-]*(?:[\s/][^<>]*)?>$/;
const startsWithComponent = /^ {0,3}<[A-Z]/;

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 13;
}

/** Where the line's text starts and ends once component tags at either end are taken off (loops, no backtracking regex: lines can be megabytes). */
function textBounds(line: string): {start: number; end: number} {
	let start = 0;
	for (;;) {
		let next = start;
		while (next < line.length && isSpace(line.charCodeAt(next))) {
			next++;
		}

		const tag = line.charCodeAt(next) === 60 ? tagAtStart.exec(line.slice(next, next + 4096)) : null;
		if (!tag) {
			break;
		}

		start = next + tag[0].length;
	}

	let end = line.length;
	for (;;) {
		let last = end;
		while (last > start && isSpace(line.charCodeAt(last - 1))) {
			last--;
		}

		const open = line.charCodeAt(last - 1) === 62 ? line.lastIndexOf('<', last - 1) : -1;
		if (open < start || !wholeTag.test(line.slice(open, last))) {
			break;
		}

		end = open;
	}

	return {start, end};
}

function indentOf(line: string): number {
	return line.length - line.trimStart().length;
}

/**
 * The Markdown children of an MDX JSX block (`<Callout>` … `</Callout>`, nested, with attributes),
 * with the component tags dropped and the common indentation removed (MDX has no indented code);
 * undefined when the HTML block does not start with a component tag. A line that was only tags
 * becomes blank: in MDX such a line is a block of its own.
 */
export function jsxChildren(html: string): string | undefined {
	if (!startsWithComponent.test(html)) {
		return undefined;
	}

	// A line that lost a leading tag starts at its text; the others keep their indentation relative to each other.
	const lines = html.split('\n').map(line => {
		const {start, end} = textBounds(line);
		return {text: line.slice(start, end), indented: start === 0};
	});
	const indent = Math.min(...lines.filter(line => line.indented && line.text.trim() !== '').map(line => indentOf(line.text)));
	return lines.map(line => line.indented ? line.text.slice(Math.min(indent, indentOf(line.text))) : line.text.trimStart()).join('\n').trim();
}
