import type {ArticleSource} from './article.js';
import {type InlineContext, inlineRuns} from './inline.js';
import {createLexer} from './lexer.js';
import {type Line, type LineWriter, lineOf, type Run, wrapRuns} from './lines.js';
import {linkKind} from './links.js';
import {sanitize} from './sanitize.js';

const authorLimit = 300;

function oneLine(text: string): string {
	return sanitize(text).replace(/\s+/g, ' ').trim();
}

/**
 * The lines above the body: title, a `date · reading time · author` line, tags, description and
 * the cover image as a link, then a rule.
 */
export function renderHeaderBlock(post: ArticleSource, width: number, writer: LineWriter, context: InlineContext): Line[] {
	const lines: Line[] = [...wrapRuns([{text: oneLine(post.title) || 'Untitled', key: 'title'}], width, writer)];
	const meta: Run[] = [];
	const separate = () => meta.length > 0 ? meta.push({text: ' · ', key: 'meta'}) : 0;
	if (post.date) {
		const day = oneLine(post.date.iso).slice(0, 10);
		const updated = post.updated ? oneLine(post.updated.iso).slice(0, 10) : '';
		meta.push({text: updated && updated !== day ? `${day} (updated ${updated})` : day, key: 'meta'});
	}

	if (post.readingMinutes !== undefined && post.readingMinutes > 0) {
		separate();
		meta.push({text: `${post.readingMinutes} min read`, key: 'meta'});
	}

	// Some blogs write the author as Markdown (`[Name](https://…)`): it is shown as the post would show
	// it. A name is short; the cap keeps marked's slow patterns off a hostile one.
	const author = inlineRuns(createLexer().inlineTokens(oneLine(post.author ?? '').slice(0, authorLimit)), 'meta', context);
	if (author.some(run => /\S/.test(run.text))) {
		separate();
		meta.push({text: 'by ', key: 'meta'}, ...author.map(run => run.text === '\n' ? {...run, text: ' '} : run));
	}

	if (meta.length > 0) {
		lines.push(...wrapRuns(meta, width, writer));
	}

	const tags = (post.tags ?? []).map(tag => oneLine(tag)).filter(tag => tag !== '');
	if (tags.length > 0) {
		const runs: Run[] = tags.flatMap((tag, index) => [...(index > 0 ? [{text: '  ', key: ''}] : []), {text: `#${tag.replaceAll(' ', '\u00A0')}`, key: 'tag'}]);
		lines.push(...wrapRuns(runs, width, writer));
	}

	// A description taken from the first paragraph would be read twice: once here, once as the body starts.
	const description = post.sources?.['description'] === 'first paragraph' ? '' : oneLine(post.description ?? '');
	if (description !== '') {
		lines.push(...wrapRuns([{text: description, key: 'description'}], width, writer));
	}

	const cover = oneLine(post.cover ?? '');
	if (cover !== '') {
		const link = context.links.push({text: 'cover image', target: cover, kind: linkKind(cover)}) - 1;
		lines.push(...wrapRuns([{text: 'Cover image: ', key: 'meta'}, {text: cover, key: 'link', link}], width, writer));
	}

	lines.push(lineOf([{text: '─'.repeat(Math.max(1, width)), key: 'rule'}], writer));
	return lines;
}
