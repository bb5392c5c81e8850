/**
 * Most frontmatter is a few `key: value` lines and lists of plain words. Reading that subset
 * directly halves the cost of a cold start over 10,000 posts; anything else (nesting, block scalars,
 * anchors, tags, comments after values, tabs, escapes) returns undefined so js-yaml reads it. For the
 * subset it accepts, the result equals js-yaml's with the CORE schema (a test compares them).
 */

const key = /^([A-Za-z_][\w-]*):(?: (.*))?$/;
const listItem = /^ *- (.*)$/;
const decimalInteger = /^[-+]?\d+$/;
const decimalFloat = /^[-+]?(\.\d+|\d+(\.\d*)?)([eE][-+]?\d+)?$/;
// Other CORE-schema numbers and specials, left to js-yaml.
const otherNumber = /^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0o[0-7]+|0x[\da-fA-F]+)$/;
const indicator = /^[-?:,[\]{}#&*!|>'"%@`]/;

type Scalar = string | number | boolean | null;

function plain(text: string): Scalar | undefined {
	if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') {
		return null;
	}

	if (text === 'true' || text === 'True' || text === 'TRUE') {
		return true;
	}

	if (text === 'false' || text === 'False' || text === 'FALSE') {
		return false;
	}

	if (indicator.test(text) || /^[-+.\d].*_/.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':') || text.endsWith(' ') || otherNumber.test(text)) {
		return undefined;
	}

	if (decimalInteger.test(text) || decimalFloat.test(text)) {
		const number = Number(text);
		return Number.isSafeInteger(number) || !decimalInteger.test(text) ? number : undefined;
	}

	return text;
}

function scalar(text: string): Scalar | undefined {
	const first = text[0];
	if (first === '"' || first === '\'') {
		const inner = text.slice(1, -1);
		return text.length >= 2 && text.endsWith(first) && !inner.includes(first) && !inner.includes('\\') ? inner : undefined;
	}

	return plain(text);
}

function flowSequence(text: string): Scalar[] | undefined {
	const inner = text.slice(1, -1).trim();
	if (inner === '') {
		return [];
	}

	const items: Scalar[] = [];
	for (const part of inner.split(',')) {
		const item = part.trim();
		// A flow item may not hold flow indicators; an empty one (`[a,,b]`) is an error js-yaml reports.
		if (item === '' || /[[\]{}]/.test(item)) {
			return undefined;
		}

		const value = scalar(item);
		if (value === undefined) {
			return undefined;
		}

		items.push(value);
	}

	return items;
}

function set(data: Record<string, unknown>, name: string, value: unknown): void {
	if (name === '__proto__') {
		Object.defineProperty(data, name, {value, enumerable: true, writable: true, configurable: true});
	} else {
		data[name] = value;
	}
}

/** The fields of a simple YAML block, or undefined when it needs a real YAML parser. */
export function parseSimpleYaml(raw: string): Record<string, unknown> | undefined {
	if (raw.includes('\t') || raw.includes('\r')) {
		return undefined;
	}

	const data: Record<string, unknown> = {};
	// The key whose value is still open (`tags:` with nothing after it) and its list, once items come.
	let open: string | undefined;
	let list: Scalar[] | undefined;
	for (const line of raw.split('\n')) {
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		const item = listItem.exec(line);
		if (item) {
			const text = item[1]!.trim();
			const value = open === undefined || text === '' ? undefined : scalar(text);
			if (value === undefined) {
				return undefined;
			}

			if (!list) {
				list = [];
				set(data, open!, list);
			}

			list.push(value);
			continue;
		}

		const field = key.exec(line);
		if (!field) {
			return undefined;
		}

		const text = (field[2] ?? '').trim();
		open = undefined;
		list = undefined;
		if (text === '') {
			// A key with nothing under it is null, as in YAML, until list items follow.
			open = field[1]!;
			set(data, open, null);
			continue;
		}

		const value = text.startsWith('[') && text.endsWith(']') ? flowSequence(text) : scalar(text);
		if (value === undefined) {
			return undefined;
		}

		set(data, field[1]!, value);
	}

	return data;
}
