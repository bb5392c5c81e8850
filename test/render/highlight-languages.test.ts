import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {test} from 'node:test';
import type {HLJSApi, LanguageFn} from 'highlight.js';
import {languageTable, tablePath} from '../../.ci/highlight-languages.js';
import {canHighlight, highlightCode, runsOfHtml} from '../../source/render/highlight-code.js';
import {embeddedLanguages, languageOfLabel} from '../../source/render/highlight-languages.js';
import './grammars.js';

const require = createRequire(import.meta.url);
const full = require('highlight.js') as HLJSApi;

// One snippet for every grammar: markup with embedded script and style, strings, comments, numbers,
// keywords of many languages, so embedded grammars (subLanguage) are reached where a language has them.
const sample = [
	'<!DOCTYPE html><html><head><style>body { color: #fff; margin: 0 }</style>',
	'<script>const x = `a ${1 + 2}`; function f(a) { return a * 2; } // note</script></head>',
	'<body class="main"><p>Hello &amp; <b>world</b></p><?php echo "hi"; ?><%= @name %>{{ value | upper }}</body></html>',
	'#!/bin/bash',
	'def main(argv): # comment',
	'    return [n ** 2 for n in range(10) if n % 2 == 0]',
	'SELECT id, name FROM users WHERE age > 21 AND name LIKE \'%a%\'; -- sql',
	'fn main() -> Result<(), Box<dyn Error>> { let v: Vec<u8> = vec![1, 2]; Ok(()) }',
	'/* block */ int main(void) { printf("%d\\n", 42); }',
	'key: value',
	'  - item: "quoted"',
	'> quoted **bold** [link](http://x.y)',
	'$ ls -la | grep "x"',
	'>>> print(1)',
	'(defn f [x] (+ x 1)) ; lisp',
	'10 PRINT "HELLO": GOTO 10',
].join('\n');

test('the language table is what the installed highlight.js gives (run .ci/highlight-languages.ts after an upgrade)', () => {
	assert.equal(readFileSync(tablePath, 'utf8'), languageTable());
});

test('every name and alias highlights exactly as the full highlight.js does', () => {
	for (const [label, language] of Object.entries(languageOfLabel)) {
		assert.ok(canHighlight(label) && canHighlight(label.toUpperCase()), label);
		const expected = runsOfHtml(full.highlight(sample, {language, ignoreIllegals: true}).value, 'k');
		assert.deepEqual(highlightCode(sample, label, 'k'), expected, label);
	}

	assert.equal(canHighlight('no-such-language'), false);
	assert.equal(canHighlight(''), false);
});

test('a grammar with only the languages it embeds registered highlights as with all of them', () => {
	const modules = (name: string) => require(`highlight.js/lib/languages/${name}`) as LanguageFn;
	for (const language of new Set(Object.values(languageOfLabel))) {
		const alone = full.newInstance();
		const register = (name: string) => {
			if (!alone.listLanguages().includes(name)) {
				alone.registerLanguage(name, modules(name));
				for (const embedded of embeddedLanguages[name] ?? []) {
					register(embedded);
				}
			}
		};

		register(language);
		assert.equal(alone.highlight(sample, {language, ignoreIllegals: true}).value, full.highlight(sample, {language, ignoreIllegals: true}).value, language);
	}
});
