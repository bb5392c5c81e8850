import {createRequire} from 'node:module';
import type {LanguageFn} from 'highlight.js';
import {loadLanguagesWith} from '../render/highlight-code.js';

const require = createRequire(import.meta.url);

/** Lets the renderer load each highlight.js grammar from node_modules when a fence first names it. */
export function loadLanguageModules(): void {
	loadLanguagesWith(name => require(`highlight.js/lib/languages/${name}`) as LanguageFn);
}
