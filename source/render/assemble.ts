import type {RenderedHeading, RenderedLink, RenderedText, SourceBlock} from './article.js';
import type {Line} from './lines.js';
import type {LinkRecord} from './links.js';

function anchorOf(target: string): string {
	const id = target.slice(1);
	try {
		return decodeURIComponent(id);
	} catch {
		return id;
	}
}

/** Resolves ids as written when they exist, else case-insensitively (`#Setup` finds `setup`). */
function anchorResolver(anchors: Record<string, number>): (id: string) => string {
	let lowered: Map<string, string> | undefined;
	return id => {
		if (id in anchors) {
			return id;
		}

		if (!lowered) {
			lowered = new Map();
			for (const candidate of Object.keys(anchors)) {
				if (!lowered.has(candidate.toLowerCase())) {
					lowered.set(candidate.toLowerCase(), candidate);
				}
			}
		}

		return lowered.get(id.toLowerCase()) ?? id;
	};
}

/** Turns finished lines and what was recorded on the way into the article the UI reads. */
export function assembleArticle(lines: Line[], headings: RenderedHeading[], anchors: Record<string, number>, records: LinkRecord[], blocks: SourceBlock[]): RenderedText {
	const links: Array<RenderedLink | undefined> = records.map(() => undefined);
	const resolveAnchor = anchorResolver(anchors);
	for (const [index, line] of lines.entries()) {
		for (const part of line.links) {
			const record = records[part.link]!;
			const link = links[part.link] ??= {
				text: record.text,
				target: record.target,
				kind: record.kind,
				...(record.image ? {image: true} : {}),
				...(record.kind === 'anchor' ? {anchor: resolveAnchor(anchorOf(record.target))} : {}),
				line: index,
				spans: [],
			};
			link.spans.push({line: index, from: part.from, to: part.to});
		}
	}

	return {
		lines: lines.map(line => line.ansi),
		plain: lines.map(line => line.plain),
		headings,
		anchors,
		links: links.filter(link => link !== undefined),
		blocks,
	};
}
