import type {RenderedArticle} from '../../render/article.js';
import {matchesIn} from './article-search.js';
import {painterOf, type TextStyle} from '../text-style.js';
import {attributeHighlights, colourHighlights, type Highlight, highlightLine} from './highlight-line.js';
import type {ReaderState} from './reader-state.js';

/**
 * The lines in view, with the search matches and the highlighted link painted in. Only these lines
 * go to Ink: a long article is never laid out whole. Without colour (NO_COLOR) they are marked by
 * attributes alone; a terminal that takes no escape sequences at all gets the lines as they are.
 */
export function visibleLines(article: RenderedArticle, state: ReaderState, top: number, rows: number, look: TextStyle): string[] {
	const lines = article.lines.slice(top, top + rows);
	if (!look.attributes) {
		return lines;
	}

	const styles = look.colour ? colourHighlights(painterOf(look)) : attributeHighlights;
	const highlights = new Map<number, Highlight[]>();
	const add = (line: number, highlight: Highlight) => {
		if (line >= top && line < top + rows) {
			const list = highlights.get(line) ?? [];
			list.push(highlight);
			highlights.set(line, list);
		}
	};

	if (state.search) {
		const matches = matchesIn(article, state.search.term);
		for (const [index, match] of matches.entries()) {
			if (match.line >= top + rows) {
				break;
			}

			add(match.line, {from: match.from, to: match.to, style: index === state.search.current ? styles.currentMatch : styles.match});
		}
	}

	const link = state.link === undefined ? undefined : article.links[state.link];
	for (const span of link?.spans ?? []) {
		add(span.line, {from: span.from, to: span.to, style: styles.link});
	}

	return highlights.size === 0 ? lines : lines.map((line, offset) => highlightLine(line, highlights.get(top + offset) ?? []));
}
