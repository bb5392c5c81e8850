import {convertTemplateTags} from './convert-template-tags.js';
import {type BodyScan, scanBody} from './outline.js';
import {restoreCollapsed} from './restore-collapsed.js';
import {stripMdxEsm} from './strip-mdx-esm.js';
import {type PageChrome, stripPageChrome} from './strip-page-chrome.js';
import {stripTemplateEnd} from './strip-template-end.js';

export type RepairedBody = {
	body: string;
	/** The scan of `body` as returned. */
	scanned: BodyScan;
	/** What was changed, for `Post.sources.body`: `MDX imports removed`, `collapsed lines restored` … */
	repairs: string[];
	warnings: string[];
	/** What the page around a saved page gave (title, author, date …), when there was one. */
	page?: PageChrome;
};

/**
 * The Tailwind blog's MDX keeps its index preview between `<!--excerpt-->` and `<!--/excerpt-->`, and
 * its post pages drop that block (the text follows again after it): so does this.
 */
function dropExcerpt(body: string): string | undefined {
	const start = body.startsWith('<!--excerpt-->') ? 0 : body.indexOf('\n<!--excerpt-->') + 1;
	const close = start === 0 && !body.startsWith('<!--excerpt-->') ? -1 : body.indexOf('\n<!--/excerpt-->', start);
	if (close === -1) {
		return undefined;
	}

	const lineEnd = body.indexOf('\n', close + 1);
	const after = lineEnd === -1 ? '' : body.slice(lineEnd + 1).replace(/^\n+/, '');
	return body.slice(0, start) + after;
}

/** `3 template tags with nothing to show in a terminal (money ×2, include): shown as [name]`. */
function templateWarning(names: string[]): string {
	const counts = new Map<string, number>();
	for (const name of names) {
		counts.set(name, (counts.get(name) ?? 0) + 1);
	}

	const listed = [...counts].slice(0, 5).map(([name, count]) => (count > 1 ? `${name} ×${count}` : name));
	return `${names.length} template tag${names.length === 1 ? '' : 's'} with nothing to show in a terminal (${listed.join(', ')}${counts.size > 5 ? ', …' : ''}): shown as [name]`;
}

/**
 * Repairs the body as the shapes real posts arrive in need: MDX's JavaScript blocks removed, template tags
 * (`{% raw %}`, `{% highlight %}`, figure shortcodes) made Markdown, a saved
 * page's chrome cut, a stray end of a JavaScript template string dropped, collapsed one-line Markdown
 * given its lines back. The body is scanned once, and again only after a repair changed it.
 */
export function repairBody(input: string, {mdx, frontmatter}: {mdx: boolean; frontmatter: boolean}): RepairedBody {
	let body = input;
	let scanned = scanBody(body);
	const repairs: string[] = [];
	const warnings: string[] = [];
	const apply = (repaired: string | undefined, repair: string) => {
		if (repaired !== undefined && repaired !== body) {
			body = repaired;
			scanned = scanBody(body);
			repairs.push(repair);
		}
	};

	if (mdx) {
		apply(stripMdxEsm(body, scanned), 'MDX imports removed');
		apply(dropExcerpt(body), 'MDX excerpt removed');
	}

	const templates = convertTemplateTags(body, scanned.code);
	apply(templates?.body, 'template tags converted');
	if (templates && templates.placeholders.length > 0) {
		warnings.push(templateWarning(templates.placeholders));
	}

	// A page saved as text has no frontmatter; its fields are in the page around the article.
	const page = frontmatter ? undefined : stripPageChrome(body);
	if (page) {
		warnings.push(...page.warnings);
		apply(page.body, 'page chrome removed');
	}

	const templateEnd = stripTemplateEnd(body);
	if (templateEnd) {
		warnings.push(`a stray ${JSON.stringify(templateEnd.dropped)} after the last paragraph (the end of a JavaScript template string): dropped`);
		apply(templateEnd.body, 'template string end removed');
	}

	apply(restoreCollapsed(body, scanned), 'collapsed lines restored');
	return {body, scanned, repairs, warnings, ...(page ? {page} : {})};
}
