import {createRequire} from 'node:module';
import type {Expression, parseExpressionAt as ParseExpressionAt} from 'acorn';

const require = createRequire(import.meta.url);
let parseExpression: typeof ParseExpressionAt | undefined;

/** acorn, loaded when the first `export const meta` is seen: most blogs have none, and every start would pay for it. */
function parseExpressionAt(...args: Parameters<typeof ParseExpressionAt>): Expression {
	parseExpression ??= (require('acorn') as {parseExpressionAt: typeof ParseExpressionAt}).parseExpressionAt;
	return parseExpression(...args);
}

export type MdxMeta = {
	/** The literal fields of `export const meta = {…}`; a value that is not a literal is left out. */
	data: Record<string, unknown>;
	/** Top-level keys whose value was not a literal (`title: name`, `image: card`): never evaluated. */
	notLiteral: string[];
	/** The body without the export statement. */
	body: string;
};

const metaExport = /^export\s+const\s+(?:meta|frontmatter|metadata)\s*=\s*/m;
const notLiteral = Symbol('not a literal');

/** A literal value as data (strings, numbers, booleans, null, arrays and objects of those), else `notLiteral`. */
function literal(node: Expression | {type: string}): unknown {
	switch (node.type) {
		case 'Literal': {
			const {value} = node as {value: unknown};
			return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : notLiteral;
		}

		case 'TemplateLiteral': {
			const template = node as Extract<Expression, {type: 'TemplateLiteral'}>;
			return template.expressions.length === 0 ? template.quasis[0]?.value.cooked ?? notLiteral : notLiteral;
		}

		case 'ArrayExpression': {
			const items = (node as Extract<Expression, {type: 'ArrayExpression'}>).elements
				.map(item => (item === null || item.type === 'SpreadElement' ? notLiteral : literal(item)))
				.filter(item => item !== notLiteral);
			return items;
		}

		case 'ObjectExpression': {
			return objectOf(node as Extract<Expression, {type: 'ObjectExpression'}>).data;
		}

		default: {
			return notLiteral;
		}
	}
}

function objectOf(node: Extract<Expression, {type: 'ObjectExpression'}>): {data: Record<string, unknown>; notLiteral: string[]} {
	// No prototype: a `__proto__` key is only a key here.
	const data = Object.create(null) as Record<string, unknown>;
	const skipped: string[] = [];
	for (const property of node.properties) {
		if (property.type !== 'Property' || property.computed || property.kind !== 'init') {
			continue;
		}

		const {key} = property;
		const name = key.type === 'Identifier' ? key.name : key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined;
		if (name === undefined) {
			continue;
		}

		const value = literal(property.value);
		if (value === notLiteral) {
			skipped.push(name);
		} else {
			data[name] = value;
		}
	}

	return {data, notLiteral: skipped};
}

// A meta object is a few hundred bytes: a longer or more deeply cut one is not parsed over and over.
const maxCandidates = 50;
const maxLength = 64 * 1024;

/**
 * The object literal that starts at `offset`. acorn would read on past its `}` (`} <!--x-->` is an
 * expression too), so the text is cut after each `}` that ends a line until one cut parses whole.
 */
function parseObject(body: string, offset: number): Extract<Expression, {type: 'ObjectExpression'}> | undefined {
	const closing = /}(?=[ \t;]*$)/gm;
	closing.lastIndex = offset;
	for (let count = 0; count < maxCandidates; count++) {
		const match = closing.exec(body);
		if (!match) {
			return undefined;
		}

		const end = match.index + 1;
		if (end - offset > maxLength) {
			return undefined;
		}

		try {
			const expression = parseExpressionAt(body.slice(0, end), offset, {ecmaVersion: 'latest', sourceType: 'module'});
			if (expression.type === 'ObjectExpression' && expression.end === end) {
				return expression;
			}
		} catch {}
	}

	return undefined;
}

/**
 * Next.js-style MDX keeps its fields in `export const meta = {title: '…', date: '…'}`. The object is
 * parsed with acorn and only its literal values are read: nothing in the file is ever run.
 * Undefined when there is no such export or it does not parse.
 */
export function readMdxMeta(body: string): MdxMeta | undefined {
	const start = metaExport.exec(body);
	if (!start || body.charCodeAt(start.index + start[0].length) !== 123) {
		return undefined;
	}

	const expression = parseObject(body, start.index + start[0].length);
	if (!expression) {
		return undefined;
	}

	const {data, notLiteral: skipped} = objectOf(expression);
	let end = expression.end;
	while (end < body.length && (body[end] === ';' || body[end] === ' ' || body[end] === '\t')) {
		end++;
	}

	const rest = body.slice(end).replace(/^\n+/, '');
	const before = body.slice(0, start.index);
	return {data, notLiteral: skipped, body: before.trim() === '' ? rest : before + rest};
}
