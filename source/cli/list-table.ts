import {Chalk} from 'chalk';
import type {Post, Problem} from '../content/post.js';
import {sanitize} from '../render/sanitize.js';
import {textWidth} from '../render/text-width.js';
import {fitTo, truncate} from '../ui/format.js';
import type {ColorLevel} from '../terminal/terminal-capabilities.js';

export type TableOptions = {
	/** Columns available; every line fits. */
	width: number;
	colorLevel: ColorLevel;
};

const gap = '  ';
const dateWidth = 10;
/** Below this the tags column goes, so titles stay readable. */
const widthForTags = 60;
/** Titles take the room they need, leaving tags at least this much. */
const minTagsWidth = 12;
/** From this width a slug column (what `blog-tui read` takes) comes before the reading time. */
export const widthForSlugs = 120;
/** Slugs beyond this are cut rather than take the titles' room. */
const maxSlugWidth = 40;

/** Text from a post, as one safe line: no controls, no line breaks. */
export function oneLine(text: string): string {
	return sanitize(text).replaceAll(/\s*\n\s*/g, ' ');
}

function dateCell(post: Post): string {
	return post.date ? post.date.iso.slice(0, 10) : 'undated';
}

function titleCell(post: Post): string {
	return `${post.draft ? '[draft] ' : ''}${oneLine(post.title)}`;
}

function tagsCell(post: Post): string {
	return post.tags.map(tag => oneLine(tag)).join(', ');
}

function timeCell(post: Post): string {
	return `${post.readingMinutes} min`;
}

/**
 * The posts as aligned rows — date, title, tags, slug, reading time — fitted to `width`: titles get
 * the room first, tags what is left but at least 12 columns (no tags column below 60, no slugs
 * below 120); cut with `…`.
 */
export function listTable(posts: readonly Post[], options: TableOptions): string[] {
	if (posts.length === 0) {
		return [];
	}

	const chalk = new Chalk({level: options.colorLevel});
	const timeWidth = Math.max(...posts.map(post => timeCell(post).length));
	const longestTitle = Math.max(...posts.map(post => textWidth(titleCell(post))));
	const longestTags = Math.max(...posts.map(post => textWidth(tagsCell(post))));
	const slugWidth = options.width >= widthForSlugs ? Math.min(maxSlugWidth, Math.max(...posts.map(post => textWidth(oneLine(post.slug))))) : 0;
	const room = options.width - dateWidth - timeWidth - (2 * gap.length) - (slugWidth > 0 ? slugWidth + gap.length : 0);
	const showTags = longestTags > 0 && options.width >= widthForTags;
	const titleWidth = Math.max(1, Math.min(longestTitle, room - (showTags ? Math.min(longestTags, minTagsWidth) + gap.length : 0)));
	const tagsWidth = showTags ? Math.max(0, Math.min(longestTags, room - titleWidth - gap.length)) : 0;
	return posts.map(post => {
		const date = fitTo(dateCell(post), dateWidth);
		const title = fitTo(titleCell(post), titleWidth);
		const tags = showTags ? gap + chalk.cyan(fitTo(tagsCell(post), tagsWidth)) : '';
		const slug = slugWidth > 0 ? gap + chalk.dim(fitTo(oneLine(post.slug), slugWidth)) : '';
		const time = timeCell(post).padStart(timeWidth);
		const line = `${chalk.dim(date)}${gap}${post.draft ? chalk.yellow(title) : title}${tags}${slug}${gap}${chalk.dim(time)}`;
		return options.colorLevel === 0 ? truncate(line, options.width) : line;
	});
}

/** Lines for stderr naming each file that could not be read, or was read with a problem. */
export function problemLines(problems: readonly Problem[]): string[] {
	return problems.map(problem => `blog-tui: ${oneLine(problem.path)}: ${oneLine(problem.problem)}${problem.slug === undefined ? ' (not listed)' : ''}`);
}
