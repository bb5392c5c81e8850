import {Lexer, Tokenizer, type Tokens} from 'marked';
import {componentLine} from '../content/jsx-children.js';

// marked hides every `[…](…)` from emphasis before it knows whether it is a link (its `blockSkip`
// mask), so when the parentheses are not a link destination (`[**bold** and `code`](not a url)`)
// the `**` stays literal where CommonMark renders bold. This mask hides only a `(…)` that can be a
// destination: `<…>` or text without spaces (one level of balanced parentheses), then an optional
// title. Each alternative starts with a different character, so it cannot backtrack badly.
const looseDestination = String.raw`\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)`;
const title = String.raw`(?:"(?:\\[\s\S]|[^\\"])*"|'(?:\\[\s\S]|[^\\'])*'|\((?:\\[\s\S]|[^\\()])*\))`;
const destination = String.raw`(?:<(?:\\[\s\S]|[^\\<>\n])*>|(?!<)(?:\\[\s\S]|[^\\\s()]|\((?:\\[\s\S]|[^\\\s()])*\))*)`;
const strictDestination = String.raw`\(\s*${destination}(?:\s+${title}\s*|\s*)\)`;

function strictBlockSkip(loose: RegExp): RegExp {
	return loose.source.includes(looseDestination) ? new RegExp(loose.source.replace(looseDestination, () => strictDestination), loose.flags) : loose;
}

// An MDX component block, up to the next blank line as an HTML block goes. marked makes a paragraph
// of `<Tab.Group …>` (a dot is not allowed in an HTML tag name) and of a tag whose `{…}` attributes
// run over several lines, printing the JSX; as an HTML block it reaches `jsxChildren`. Only at the
// start of a block: it never interrupts a paragraph. The outline's scanner reads the same blocks.
const componentBlock = new RegExp(componentLine.source + String.raw`[^\n]*(?:\n(?![ \t]*(?:\n|$))[^\n]*)*\n?`);

function jsxBlock(source: string): Tokens.HTML | undefined {
	const match = componentBlock.exec(source);
	return match ? {type: 'html', block: true, pre: false, raw: match[0], text: match[0]} : undefined;
}

/** marked's GFM lexer with the emphasis mask and the component blocks above; a new one per article (it keeps the link definitions). */
export function createLexer(): Lexer {
	const tokenizer = new Tokenizer();
	const lexer = new Lexer({gfm: true, tokenizer, extensions: {renderers: {}, childTokens: {}, block: [jsxBlock]}});
	// The lexer gave the tokenizer a fresh rules object; its `inline` is marked's shared one, so it is copied, not changed.
	const {rules} = tokenizer;
	rules.inline = {...rules.inline, blockSkip: strictBlockSkip(rules.inline.blockSkip)};
	return lexer;
}
