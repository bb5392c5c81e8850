import yaml from 'js-yaml';
import {parse as parseToml} from 'smol-toml';
import {formatSize} from './read-file-bytes.js';
import {parseSimpleYaml} from './simple-yaml.js';

// Real frontmatter is a few hundred bytes; past this it is not a set of fields anyone wrote by hand.
const maxFrontmatter = 128 * 1024;

export type FrontmatterFormat = 'yaml' | 'toml' | 'json' | 'none';

export type Frontmatter = {
	format: FrontmatterFormat;
	/** Always an object (TOML gives one without a prototype): the fields, possibly recovered from a broken block. */
	data: Record<string, unknown>;
	body: string;
	/** One line each, meant for the reader: a problem with the frontmatter that did not stop the post. */
	warnings: string[];
};

type Block = {format: FrontmatterFormat | 'code' | 'unknown'; language: string; raw: string; body: string; firstLine: number; closed: boolean; fence: string};

// A YAML key at the start of a line (`title:`, `"title":`, `pub-date:`), or a comment.
const yamlKeyLine = /^(?:[\w$@.-][^:\n]*|"[^"\n]*"|'[^'\n]*'):(?:[ \t]|$)|^#/;

function firstLineOf(text: string): string {
	const end = text.indexOf('\n');
	return end === -1 ? text : text.slice(0, end);
}

/** Finds a line that is exactly `fence` (trailing blanks allowed) at or after `from`; returns its start. */
function findClosingFence(text: string, fence: string, from: number): {start: number; end: number} | undefined {
	let index = from;
	while (index <= text.length) {
		const end = text.indexOf('\n', index);
		const line = text.slice(index, end === -1 ? text.length : end);
		if (line.trimEnd() === fence || (fence === '---' && line.trimEnd() === '...')) {
			return {start: index, end: end === -1 ? text.length : end + 1};
		}

		if (end === -1) {
			return undefined;
		}

		index = end + 1;
	}

	return undefined;
}

function block(text: string, fence: string, format: Block['format'], language: string): Block {
	const open = text.indexOf('\n');
	const contentStart = open === -1 ? text.length : open + 1;
	const close = findClosingFence(text, fence, contentStart);
	if (!close) {
		return {format, language, raw: text.slice(contentStart), body: '', firstLine: 2, closed: false, fence};
	}

	return {format, language, raw: text.slice(contentStart, close.start), body: text.slice(close.end), firstLine: 2, closed: true, fence};
}

/** Recognises the frontmatter fences that blog generators use; undefined when the text has none. */
function findBlock(text: string): Block | undefined {
	const first = firstLineOf(text).trimEnd();
	const dashed = /^---[ \t]*([\w-]*)$/.exec(first);
	if (dashed) {
		const language = dashed[1]!.toLowerCase();
		if (language === '') {
			// A post may open with a `---` rule: only a block that starts like YAML is frontmatter.
			const next = firstLineOf(text.slice(first.length + 1));
			if (!(yamlKeyLine.test(next) || next.trimEnd() === '---' || next.trimEnd() === '...' || /^-[ \t]/.test(next))) {
				return undefined;
			}
		}

		const format = language === '' || language === 'yaml' || language === 'yml'
			? 'yaml'
			: language === 'toml' ? 'toml'
				: language === 'json' ? 'json'
					: ['js', 'javascript', 'coffee', 'coffeescript', 'cson'].includes(language) ? 'code' : 'unknown';
		return block(text, '---', format, language);
	}

	if (first === '+++') {
		return block(text, '+++', 'toml', 'toml');
	}

	if (/^;{3,}$/.test(first)) {
		return block(text, first, 'json', 'json');
	}

	if (first === '{' && /^\s*"[^"\n]+"\s*:/.test(firstLineOf(text.slice(2)))) {
		// Hugo's JSON frontmatter: an object from `{` to a `}` line, starting with a `"key":` line.
		const close = findClosingFence(text, '}', 2);
		if (close) {
			return {format: 'json', language: 'json', raw: text.slice(0, close.end), body: text.slice(close.end), firstLine: 1, closed: true, fence: '}'};
		}
	}

	if (first.startsWith('"')) {
		// Hexo's JSON frontmatter without an opening fence: `"title": "x",` lines, then `;;;`.
		const close = findClosingFence(text, ';;;', 0);
		if (close && /^"[^"\n]*"\s*:/.test(first)) {
			return {format: 'json', language: 'json', raw: text.slice(0, close.start), body: text.slice(close.end), firstLine: 1, closed: true, fence: ';;;'};
		}
	}

	return undefined;
}

function describeYamlError(error: unknown, firstLine: number): string {
	const yamlError = error as {reason?: string; mark?: {line: number; column: number}};
	if (yamlError.reason && yamlError.mark) {
		return `${yamlError.reason} (line ${yamlError.mark.line + firstLine}, column ${yamlError.mark.column + 1})`;
	}

	return oneLine(error);
}

function oneLine(error: unknown): string {
	const message = error instanceof RangeError ? 'nested too deeply' : error instanceof Error ? error.message : String(error);
	return firstLineOf(message).replace(/^Invalid TOML document: /, '').trim();
}

function parseYaml(raw: string, firstLine: number): {value?: unknown; error?: string} {
	const simple = parseSimpleYaml(raw);
	if (simple !== undefined) {
		return {value: simple};
	}

	try {
		// CORE schema: dates stay strings (parsed later, calendar day kept), no merge keys; `json` lets a
		// repeated key override instead of failing the whole block.
		return {value: yaml.load(raw, {schema: yaml.CORE_SCHEMA, json: true})};
	} catch (error) {
		return {error: describeYamlError(error, firstLine)};
	}
}

function parseTomlBlock(raw: string, firstLine: number): {value?: unknown; error?: string} {
	try {
		return {value: parseToml(raw)};
	} catch (error) {
		const tomlError = error as {line?: number; column?: number};
		const where = typeof tomlError.line === 'number' ? ` (line ${tomlError.line + firstLine - 1}, column ${tomlError.column ?? 1})` : '';
		return {error: `${oneLine(error)}${where}`};
	}
}

function parseJson(raw: string): {value?: unknown; error?: string} {
	const trimmed = raw.trim();
	try {
		return {value: JSON.parse(trimmed.startsWith('{') ? trimmed : `{${trimmed.replace(/,\s*$/, '')}}`)};
	} catch (error) {
		return {error: oneLine(error)};
	}
}

/**
 * Reads a broken YAML block the way a person would: top-level `key: value` lines (and `- item`
 * lists under an empty key), so a stray colon in a title does not cost the post its fields.
 */
function recoverYamlFields(raw: string): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	let listKey: string | undefined;
	for (const line of raw.split('\n')) {
		const item = /^\s*-\s+(.*)$/.exec(line);
		if (item && listKey !== undefined) {
			(data[listKey] as string[]).push(unquote(item[1]!));
			continue;
		}

		const field = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/.exec(line);
		listKey = undefined;
		if (!field || Object.hasOwn(data, field[1]!)) {
			continue;
		}

		const value = (field[2] ?? '').trim();
		if (value === '') {
			listKey = field[1]!;
			Object.defineProperty(data, listKey, {value: [], enumerable: true, writable: true, configurable: true});
		} else {
			const flow = /^\[(.*)\]$/.exec(value);
			Object.defineProperty(data, field[1]!, {
				value: flow ? flow[1]!.split(',').map(part => unquote(part.trim())).filter(Boolean) : unquote(value),
				enumerable: true,
				writable: true,
				configurable: true,
			});
		}
	}

	return data;
}

function unquote(value: string): string {
	const quoted = /^(["'])(.*)\1$/.exec(value);
	return quoted ? quoted[2]! : value.replace(/\s+#.*$/, '');
}

/** The leading lines of an unclosed block that still look like fields, up to the first blank line. */
function splitUnclosed(raw: string, format: FrontmatterFormat): {fields: string; body: string} {
	const lines = raw.split('\n');
	let end = 0;
	const fieldLine = format === 'toml' ? /^([\w".-]+\s*=|\[|#)/ : format === 'json' ? /^\s*("|\{|\})/ : /^([\w$@"'.-][^:]*:(\s|$)|\s+\S|-\s|#)/;
	while (end < lines.length && lines[end]!.trim() !== '' && fieldLine.test(lines[end]!)) {
		end++;
	}

	return {fields: lines.slice(0, end).join('\n'), body: lines.slice(end).join('\n')};
}

/** Splits frontmatter (YAML `---`, TOML `+++` or `---toml`, JSON `---json`, `;;;` or `{`) from the body. Never runs code. */
export function parseFrontmatter(text: string): Frontmatter {
	const found = findBlock(text);
	if (!found) {
		return {format: 'none', data: {}, body: text, warnings: []};
	}

	const warnings: string[] = [];
	if (found.format === 'code' || found.format === 'unknown') {
		warnings.push(found.format === 'code'
			? `frontmatter: ${found.language} frontmatter is never run: ignored`
			: `frontmatter: unknown language "${found.language}": ignored`);
		return {format: 'none', data: {}, body: found.closed ? found.body : '', warnings};
	}

	const format = found.format;
	let {raw, body} = found;

	if (!found.closed) {
		warnings.push(`frontmatter: no closing "${found.fence}" line`);
		({fields: raw, body} = splitUnclosed(raw, format));
	}

	if (raw.length > maxFrontmatter) {
		warnings.push(`frontmatter: too large (${formatSize(raw.length)}, limit ${formatSize(maxFrontmatter)}): ignored`);
		return {format, data: {}, body, warnings};
	}

	const parsed = format === 'yaml' ? parseYaml(raw, found.firstLine) : format === 'toml' ? parseTomlBlock(raw, found.firstLine) : parseJson(raw);
	let value = parsed.value;
	if (parsed.error !== undefined) {
		warnings.push(`frontmatter: ${parsed.error}`);
		value = format === 'yaml' ? recoverYamlFields(raw) : {};
	}

	if (value === null || value === undefined) {
		value = {};
	} else if (typeof value !== 'object' || Array.isArray(value)) {
		warnings.push('frontmatter: not a set of fields: ignored');
		value = {};
	}

	return {format, data: value as Record<string, unknown>, body, warnings};
}
