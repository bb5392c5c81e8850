import hljs from 'highlight.js';
import {decodeHtmlEntities} from '../content/decode-entities.js';
import type {Run} from './lines.js';
import type {Role} from './style.js';

// highlight.js scopes (first word of a class, `hljs-` removed) → our roles; unknown scopes stay plain.
const roles: Record<string, Role> = {
	keyword: 'hl-keyword', built_in: 'hl-function', type: 'hl-type', literal: 'hl-literal', number: 'hl-number',
	operator: 'hl-keyword', punctuation: 'hl-meta', property: 'hl-attribute', regexp: 'hl-regexp', string: 'hl-string',
	subst: 'hl-variable', symbol: 'hl-symbol', class: 'hl-type', function: 'hl-function', title: 'hl-function',
	comment: 'hl-comment', doctag: 'hl-keyword', meta: 'hl-meta', section: 'hl-section',
	tag: 'hl-keyword', name: 'hl-keyword', attr: 'hl-attribute', attribute: 'hl-attribute', variable: 'hl-variable',
	bullet: 'hl-symbol', code: 'hl-string', emphasis: 'hl-string', strong: 'hl-keyword', formula: 'hl-string',
	link: 'hl-string', quote: 'hl-comment', 'selector-tag': 'hl-keyword', 'selector-id': 'hl-function',
	'selector-class': 'hl-function', 'selector-attr': 'hl-attribute', 'selector-pseudo': 'hl-attribute',
	'template-tag': 'hl-keyword', 'template-variable': 'hl-variable', addition: 'hl-addition', deletion: 'hl-deletion',
	char: 'hl-string', 'variable.language': 'hl-keyword', 'title.class': 'hl-type', 'title.function': 'hl-function',
};

/** Whether a fence label names a language highlight.js knows. */
export function canHighlight(language: string): boolean {
	return language !== '' && hljs.getLanguage(language) !== undefined;
}

const roleCache = new Map<string, string>();

function roleOf(className: string): string {
	let role = roleCache.get(className);
	if (role === undefined) {
		const scope = className.replace(/^hljs-/, '').split(/\s+/)[0]!.replace(/_+$/, '');
		role = roles[scope] ?? roles[scope.split('.')[0]!] ?? '';
		roleCache.set(className, role);
	}

	return role;
}

/**
 * Colours code of a known language: one list of runs per source line. The HTML highlight.js emits
 * is read back into runs (it contains only `<span class>`, `</span>` and escaped text).
 */
export function highlightCode(code: string, language: string, key: string): Run[][] {
	const html = hljs.highlight(code, {language, ignoreIllegals: true}).value;
	const lines: Run[][] = [[]];
	const stack: string[] = [];
	for (const match of html.matchAll(/<span class="([^"]*)">|<\/span>|([^<]+)/g)) {
		if (match[1] !== undefined) {
			stack.push(roleOf(match[1]) || stack.at(-1) || '');
		} else if (match[2] === undefined) {
			stack.pop();
		} else {
			const role = stack.at(-1) ?? '';
			const runKey = role === '' ? key : (key === '' ? role : `${key}+${role}`);
			const text = match[2];
			const parts = decodeHtmlEntities(text).split('\n');
			for (const [index, part] of parts.entries()) {
				if (index > 0) {
					lines.push([]);
				}

				if (part !== '') {
					lines.at(-1)!.push({text: part, key: runKey});
				}
			}
		}
	}

	return lines;
}
