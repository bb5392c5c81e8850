import type {RenderedHeading, RenderedLink, RenderedText} from './article.js';
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

/** The id as written when it exists, else a case-insensitive match (`#Setup` finds `setup`). */
function resolveAnchor(id: string, anchors: Record<string, number>): string {
	if (id in anchors) {
		return id;
	}

	const lower = id.toLowerCase();
	return Object.keys(anchors).find(candidate => candidate.toLowerCase() === lower) ?? id;
}

/** Turns finished lines and what was recorded on the way into the article the UI reads. */
export function assembleArticle(lines: Line[], headings: RenderedHeading[], anchors: Record<string, number>, records: LinkRecord[]): RenderedText {
	const links: Array<RenderedLink | undefined> = records.map(() => undefined);
	for (const [index, line] of lines.entries()) {
		for (const part of line.links) {
			const record = records[part.link]!;
			const link = links[part.link] ??= {
				text: record.text,
				target: record.target,
				kind: record.kind,
				...(record.kind === 'anchor' ? {anchor: resolveAnchor(anchorOf(record.target), anchors)} : {}),
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
	};
}
