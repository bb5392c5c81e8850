import core from 'highlight.js/lib/core';
import type {LanguageFn} from 'highlight.js';
import {decodeHtmlEntities} from '../content/decode-entities.js';
import {embeddedLanguages, languageOfLabel} from './highlight-languages.js';
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

// Our own instance, holding only the grammars used so far: registering all 190-odd at start-up
// costs more than most articles take to render.
const hljs = core.newInstance();

/** Gives the grammar of a highlight.js language by its name (`highlight.js/lib/languages/<name>`). */
export type LanguageModules = (name: string) => LanguageFn;
let languageModules: LanguageModules | undefined;

/**
 * How grammars are loaded, set once by the process that renders (loading a module is the process's
 * business, not the renderer's): see `worker/language-modules.ts`.
 */
export function loadLanguagesWith(modules: LanguageModules): void {
	languageModules = modules;
}

/** Registers `name` and every language it embeds, as the full highlight.js would have them. */
const registered = new Set<string>();
function register(name: string): void {
	if (registered.has(name)) {
		return;
	}

	if (!languageModules) {
		throw new Error('highlight.js grammars are loaded by the process: call loadLanguagesWith first');
	}

	hljs.registerLanguage(name, languageModules(name));
	registered.add(name);
	for (const embedded of embeddedLanguages[name] ?? []) {
		register(embedded);
	}
}

/** The highlight.js language a fence label names (its name or an alias, any case). */
function languageOf(label: string): string | undefined {
	const key = label.toLowerCase();
	return Object.hasOwn(languageOfLabel, key) ? languageOfLabel[key] : undefined;
}

/** Whether a fence label names a language highlight.js knows. */
export function canHighlight(language: string): boolean {
	return language !== '' && languageOf(language) !== undefined;
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

/** Colours code of a known language: one list of runs per source line. */
export function highlightCode(code: string, label: string, key: string): Run[][] {
	const language = languageOf(label);
	if (language === undefined) {
		throw new Error(`highlight.js knows no language ${label}`);
	}

	register(language);
	return runsOfHtml(hljs.highlight(code, {language, ignoreIllegals: true}).value, key);
}

/** The HTML highlight.js emits read back into runs (it contains only `<span class>`, `</span>` and escaped text). */
export function runsOfHtml(html: string, key: string): Run[][] {
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
