import type {RenderedArticle} from '../../render/article.js';
import {matchesIn} from './article-search.js';
import {currentMatchStyle, type Highlight, highlightLine, linkStyle, matchStyle} from './highlight-line.js';
import type {ReaderState} from './reader-state.js';

/**
 * The lines in view, with the search matches and the highlighted link painted in. Only these lines
 * go to Ink: a long article is never laid out whole. `styled` is false when the terminal gets no
 * escape sequences at all (NO_COLOR, a dumb terminal).
 */
export function visibleLines(article: RenderedArticle, state: ReaderState, top: number, rows: number, styled: boolean): string[] {
	const lines = article.lines.slice(top, top + rows);
	if (!styled) {
		return lines;
	}

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

			add(match.line, {from: match.from, to: match.to, style: index === state.search.current ? currentMatchStyle : matchStyle});
		}
	}

	const link = state.link === undefined ? undefined : article.links[state.link];
	for (const span of link?.spans ?? []) {
		add(span.line, {from: span.from, to: span.to, style: linkStyle});
	}

	return highlights.size === 0 ? lines : lines.map((line, offset) => highlightLine(line, highlights.get(top + offset) ?? []));
}
