import wrapAnsi from 'wrap-ansi';
import type {Post} from '../../content/post.js';
import {chipSegments} from './row-segments.js';
import {fitSegments, type Segment} from '../segments.js';

function wrapped(text: string, width: number, style: Omit<Segment, 'text'> = {}): Segment[][] {
	if (text === '') {
		return [];
	}

	return wrapAnsi(text, width, {hard: true, trim: true}).split('\n').map(line => fitSegments([{...style, text: line}], width));
}

/** The side pane at wide sizes: the selected post's title, facts, description and outline. */
export function previewLines(post: Post, width: number, height: number): Segment[][] {
	if (width <= 0 || height <= 0) {
		return [];
	}

	const updated = post.updated && post.updated.iso.slice(0, 10) !== post.date?.iso.slice(0, 10) ? `updated ${post.updated.iso.slice(0, 10)}` : undefined;
	const facts = [post.date?.iso.slice(0, 10) ?? 'undated', updated, `${post.readingMinutes} min read`, post.author].filter(Boolean).join(' · ');
	const lines: Segment[][] = [
		...wrapped(post.title, width, {bold: true}),
		fitSegments([{text: facts, dim: true}], width),
	];
	const chips = chipSegments(post);
	if (chips.length > 0) {
		lines.push(fitSegments(chips, width));
	}

	if (post.description !== '') {
		lines.push([], ...wrapped(post.description, width));
	}

	if (post.headings.length > 0) {
		lines.push([], fitSegments([{text: 'Contents', bold: true}], width));
		const shallowest = Math.min(...post.headings.map(heading => heading.depth));
		for (const heading of post.headings) {
			lines.push(fitSegments([{text: `${'  '.repeat(heading.depth - shallowest)}${heading.text}`, dim: heading.inferred}], width));
		}
	}

	for (const warning of post.warnings) {
		lines.push(fitSegments([{text: `⚠ ${warning}`, color: 'warning'}], width));
	}

	return lines.slice(0, height).map(line => fitSegments(line, width));
}
