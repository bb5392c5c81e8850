import type {Heading} from './post.js';

/** Makes anchor ids the way GitHub does (github-slugger): repeats get `-1`, `-2`, … */
export function createSlugger(): (text: string) => string {
	const occurrences = new Map<string, number>();
	return text => {
		const original = text
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
			.replace(/ /g, '-');
		let id = original;
		while (occurrences.has(id)) {
			const count = occurrences.get(original)! + 1;
			occurrences.set(original, count);
			id = `${original}-${count}`;
		}

		occurrences.set(id, 0);
		return id;
	};
}

/** Reduces inline Markdown in a heading to the text a reader sees. */
export function plainInline(markdown: string): string {
	return markdown
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/(\*\*|__|\*|_|~~|`)(.+?)\1/g, '$2')
		.replace(/\s+#+\s*$/, '')
		.trim();
}

/** Lists the ATX and setext headings of a Markdown body, skipping fenced code. */
export function extractHeadings(body: string): Heading[] {
	const slug = createSlugger();
	const headings: Heading[] = [];
	const lines = body.split('\n');
	let fence: string | undefined;
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index]!;
		const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
		if (fenceMatch) {
			if (fence === undefined) {
				fence = fenceMatch[1]!;
			} else if (fenceMatch[1]!.startsWith(fence[0]!) && fenceMatch[1]!.length >= fence.length) {
				fence = undefined;
			}

			continue;
		}

		if (fence !== undefined) {
			continue;
		}

		const atx = /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*$/.exec(line) ?? /^ {0,3}(#{1,6})$/.exec(line);
		if (atx) {
			const text = plainInline(atx[2] ?? '');
			headings.push({depth: atx[1]!.length, text, id: slug(text), inferred: false});
			continue;
		}

		const next = lines[index + 1];
		if (next !== undefined && line.trim() !== '' && /^ {0,3}(=+|-+)[ \t]*$/.test(next) && !/^ {0,3}([-*+>]|\d+[.)])\s/.test(line)) {
			const text = plainInline(line);
			headings.push({depth: next.trim().startsWith('=') ? 1 : 2, text, id: slug(text), inferred: false});
			index++;
		}
	}

	return headings;
}
