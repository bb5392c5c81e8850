import os from 'node:os';
import path from 'node:path';
import {defaultExtensions} from '../content/discover-files.js';
import {usageError} from './errors.js';

export type Command = 'browse' | 'list' | 'read' | 'serve' | 'config';
export const commands: readonly Command[] = ['browse', 'list', 'read', 'serve', 'config'];

/** A value as it arrives: a flag's text (or `true`/`false`), or any TOML value from the config file. */
export type Raw = unknown;

/**
 * Where a value is read: `name` is how the user wrote the option (`--width`, `width`,
 * `serve.port`), `base` the folder a relative path is taken from (the working folder for a flag,
 * the config file's folder for the file).
 */
export type ParseContext = {name: string; base: string};

type Section = 'every' | 'browser' | 'list' | 'read' | 'serve';

type OptionSpec<T> = {
	/** `string` flags take a value, `boolean` ones may be negated (`--no-x`), `list` ones repeat. */
	kind: 'string' | 'boolean' | 'list';
	/** The commands it means something to (`blog-tui config` takes every flag, to show their effect). */
	for: 'all' | readonly Command[];
	/** Absent: config file only. */
	flag?: {section: Section; placeholder?: string; help: readonly string[]; short?: string; negated?: boolean};
	/** The key in the config file (`serve.port` is `port` under `[serve]`); absent: command line only. */
	config?: string;
	/** What an unset option is worth, and how `blog-tui config` describes it when that is not a value. */
	default: T;
	unset?: string;
	parse: (raw: Raw, context: ParseContext) => T;
};

function option<T>(spec: OptionSpec<T>): OptionSpec<T> {
	return spec;
}

/** A whole number written in decimal digits, else undefined (`Number('')` is 0, `Number('1e3')` is 1000). */
export function wholeNumber(text: string | undefined): number | undefined {
	return text !== undefined && /^\s*-?\d+\s*$/.test(text) ? Number.parseInt(text, 10) : undefined;
}

function shown(raw: Raw): string {
	return typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
}

/** A string in quotes, anything else as TOML would write it (`5`, `[1, 2]`). */
function quoted(raw: Raw): string {
	return typeof raw === 'string' ? `"${raw}"` : shown(raw);
}

/** A flag's value is text; the config file's may be a TOML integer. */
function numberText(raw: Raw): string | undefined {
	return typeof raw === 'string' ? raw : (typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : undefined);
}

function text(raw: Raw, {name}: ParseContext): string {
	if (typeof raw !== 'string') {
		throw usageError(`${name} must be text in quotes, not ${quoted(raw)}`);
	}

	return raw;
}

function flagOrSwitch(raw: Raw, {name}: ParseContext): boolean {
	if (typeof raw !== 'boolean') {
		throw usageError(`${name} must be true or false, not ${quoted(raw)}`);
	}

	return raw;
}

function choice<T extends string>(values: readonly T[]) {
	return (raw: Raw, context: ParseContext): T => {
		const given = text(raw, context);
		const value = given.toLowerCase() as T;
		if (!values.includes(value)) {
			throw usageError(`${context.name} must be ${values.slice(0, -1).join(', ')} or ${values.at(-1)!}, not "${given}"`);
		}

		return value;
	};
}

function whole(min: number, max: number, meaning: string) {
	return (raw: Raw, {name}: ParseContext): number => {
		const value = wholeNumber(numberText(raw));
		if (value === undefined || value < min || value > max) {
			throw usageError(`${name} must be a whole number from ${min} to ${max} (${meaning}), not "${shown(raw)}"`);
		}

		return value;
	};
}

/** `~/keys` is expanded by the shell only at the start of a word; `--host-key=~/key` arrives as typed. */
function filePath(raw: Raw, context: ParseContext): string {
	const given = text(raw, context);
	return path.resolve(context.base, given.startsWith('~/') ? path.join(os.homedir(), given.slice(2)) : given);
}

/** Widths past this are typos, and would make every rule and table a megabyte wide. */
const maxWidth = 1000;

function width(raw: Raw, {name}: ParseContext): number {
	const value = wholeNumber(numberText(raw));
	if (value === undefined || value < 20) {
		throw usageError(`${name} must be a number ≥ 20`);
	}

	if (value > maxWidth) {
		throw usageError(`${name} must be at most ${maxWidth}`);
	}

	return value;
}

function extensions(raw: Raw, context: ParseContext): string[] {
	const given = Array.isArray(raw) ? raw : [raw];
	const found = new Set(defaultExtensions);
	for (const value of given) {
		for (const part of text(value, context).split(',')) {
			const extension = part.trim().replace(/^\.+/, '').toLowerCase();
			if (!/^[\p{L}\p{N}_-]+$/u.test(extension)) {
				throw usageError(`${context.name} needs a file extension such as txt, not "${shown(value)}"`);
			}

			found.add(extension);
		}
	}

	return [...found];
}

function host(raw: Raw, context: ParseContext): string {
	const value = text(raw, context);
	if (value.trim() === '' || /\s/.test(value)) {
		throw usageError(`${context.name} must be an address to listen on, such as 127.0.0.1 or 0.0.0.0, not "${value}"`);
	}

	return value;
}

function title(raw: Raw, context: ParseContext): string {
	const value = text(raw, context).trim();
	// Readers see it in every header: one short line, no escape sequences.
	if (value === '' || value.length > 80 || /[\p{Cc}\p{Cf}]/u.test(value)) {
		throw usageError(`${context.name} must be one line of 1 to 80 characters, not "${value}"`);
	}

	return value;
}

function tags(raw: Raw, context: ParseContext): string[] {
	return (Array.isArray(raw) ? raw : [raw]).map(value => text(value, context));
}

const serveOnly = ['serve'] as const;

/**
 * Every option of blog-tui, once: the command line, `--help`, the config file and `blog-tui config`
 * are all made from this table.
 */
export const optionsSchema = {
	theme: option<'dark' | 'light' | 'auto'>({kind: 'string', for: 'all', config: 'theme', default: 'auto', parse: choice(['dark', 'light', 'auto']), flag: {section: 'every', placeholder: 'dark|light|auto', help: ['colours (auto: ask the terminal, then COLORFGBG)']}}),
	width: option<number | undefined>({kind: 'string', for: 'all', config: 'width', default: undefined, unset: 'the terminal\'s', parse: width, flag: {section: 'every', placeholder: 'N', help: ['text width, at least 20 (default: the terminal\'s)']}}),
	ext: option<string[]>({kind: 'list', for: 'all', config: 'ext', default: [...defaultExtensions], parse: extensions, flag: {section: 'every', placeholder: 'EXT', help: ['also read *.EXT files (repeatable)']}}),
	color: option<boolean>({kind: 'boolean', for: 'all', config: 'color', default: true, parse: flagOrSwitch, flag: {section: 'every', negated: true, help: ['no colour or other escape sequences']}}),
	watch: option<boolean>({kind: 'boolean', for: 'all', config: 'watch', default: true, parse: flagOrSwitch, flag: {section: 'every', negated: true, help: ['do not follow changes to the posts on disk']}}),
	state: option<boolean>({kind: 'boolean', for: 'all', config: 'state', default: true, parse: flagOrSwitch, flag: {section: 'every', negated: true, help: ['do not remember where each post was left']}}),
	cache: option<boolean>({kind: 'boolean', for: 'all', config: 'cache', default: true, parse: flagOrSwitch, flag: {section: 'every', negated: true, help: ['read every post afresh and keep no index']}}),
	config: option<string | undefined>({kind: 'string', for: 'all', default: undefined, unset: '$XDG_CONFIG_HOME/blog-tui/config.toml', parse: filePath, flag: {section: 'every', placeholder: 'FILE', help: ['settings from FILE (default', '$XDG_CONFIG_HOME/blog-tui/config.toml)']}}),
	help: option<boolean>({kind: 'boolean', for: 'all', default: false, parse: flagOrSwitch, flag: {section: 'every', short: 'h', help: ['show this help']}}),
	version: option<boolean>({kind: 'boolean', for: 'all', default: false, parse: flagOrSwitch, flag: {section: 'every', short: 'v', help: ['print the version']}}),
	folder: option<string | undefined>({kind: 'string', for: ['browse', 'list', 'serve'], config: 'folder', default: undefined, unset: './posts when it exists, else the bundled guide', parse: filePath}),
	mouse: option<boolean>({kind: 'boolean', for: ['browse', 'serve'], config: 'mouse', default: true, parse: flagOrSwitch, flag: {section: 'browser', negated: true, help: ['no mouse wheel: the terminal selects text', 'without Shift']}}),
	outline: option<boolean>({kind: 'boolean', for: ['browse', 'serve'], config: 'outline', default: true, parse: flagOrSwitch}),
	quit: option<'quit' | 'back'>({kind: 'string', for: ['browse', 'serve'], config: 'quit', default: 'quit', parse: choice(['quit', 'back'])}),
	drafts: option<boolean>({kind: 'boolean', for: ['browse', 'list', 'serve'], config: 'drafts', default: false, parse: flagOrSwitch, flag: {section: 'list', help: ['include drafts (also for the browser and serve)']}}),
	json: option<boolean>({kind: 'boolean', for: ['list'], default: false, parse: flagOrSwitch, flag: {section: 'list', help: ['one JSON array: the posts, then unreadable files']}}),
	tag: option<string[]>({kind: 'list', for: ['list'], default: [], parse: tags, flag: {section: 'list', short: 't', placeholder: 'TAG', help: ['only posts with this tag, in any case', '(repeatable: every tag must match)']}}),
	dir: option<string | undefined>({kind: 'string', for: ['read'], default: undefined, parse: text, flag: {section: 'read', placeholder: 'PATH', help: ['the folder to find the slug in']}}),
	title: option<string | undefined>({kind: 'string', for: serveOnly, config: 'serve.title', default: undefined, unset: 'the folder\'s name', parse: title, flag: {section: 'serve', placeholder: 'TEXT', help: ['the blog\'s name in readers\' headers', '(default: the folder\'s name)']}}),
	host: option<string>({kind: 'string', for: serveOnly, config: 'serve.host', default: '127.0.0.1', parse: host, flag: {section: 'serve', placeholder: 'ADDRESS', help: ['listen address (default 127.0.0.1: this machine)']}}),
	port: option<number>({kind: 'string', for: serveOnly, config: 'serve.port', default: 2222, parse: whole(0, 65_535, '0 picks a free one'), flag: {section: 'serve', placeholder: 'N', help: ['TCP port (default 2222)']}}),
	hostKey: option<string | undefined>({kind: 'string', for: serveOnly, config: 'serve.host-key', default: undefined, unset: '$XDG_DATA_HOME/blog-tui/host_ed25519', parse: filePath, flag: {section: 'serve', placeholder: 'FILE', help: ['host key, made on first start when missing', '(default $XDG_DATA_HOME/blog-tui/host_ed25519)']}}),
	authorizedKeys: option<string | undefined>({kind: 'string', for: serveOnly, config: 'serve.authorized-keys', default: undefined, unset: 'anyone gets in', parse: filePath, flag: {section: 'serve', placeholder: 'FILE', help: ['only these public keys get in (default: anyone)']}}),
	maxSessions: option<number>({kind: 'string', for: serveOnly, config: 'serve.max-sessions', default: 100, parse: whole(1, 100_000, 'sessions at once'), flag: {section: 'serve', placeholder: 'N', help: ['sessions at once (default 100)']}}),
	maxPerIp: option<number>({kind: 'string', for: serveOnly, config: 'serve.max-per-ip', default: 5, parse: whole(1, 100_000, 'sessions at once from one address'), flag: {section: 'serve', placeholder: 'N', help: ['sessions at once from one address (default 5)']}}),
	idleTimeout: option<number>({kind: 'string', for: serveOnly, config: 'serve.idle-timeout', default: 600, parse: whole(0, 604_800, 'seconds, 0 = never'), flag: {section: 'serve', placeholder: 'SECONDS', help: ['end a session idle this long (default 600; 0 off)']}}),
	maxDuration: option<number>({kind: 'string', for: serveOnly, config: 'serve.max-duration', default: 3600, parse: whole(0, 604_800, 'seconds, 0 = no limit'), flag: {section: 'serve', placeholder: 'SECONDS', help: ['end any session this old (default 3600; 0 off)']}}),
	workers: option<number>({kind: 'string', for: serveOnly, config: 'serve.workers', default: 1, parse: whole(1, 256, 'processes'), flag: {section: 'serve', placeholder: 'N', help: ['processes sharing the port (default 1)']}}),
} as const;

export type OptionName = keyof typeof optionsSchema;
export type Settings = {[Name in OptionName]: ReturnType<(typeof optionsSchema)[Name]['parse']>};
export type AnyOption = OptionSpec<unknown>;

export const optionNames = Object.keys(optionsSchema) as OptionName[];

export function optionSpec(name: OptionName): AnyOption {
	return optionsSchema[name] as AnyOption;
}

/** `maxPerIp` → `max-per-ip`. */
export function kebab(name: string): string {
	return name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
}

export function flagSpelling(name: OptionName): string {
	return `--${kebab(name)}`;
}

export function defaultSettings(): Settings {
	return Object.fromEntries(optionNames.map(name => [name, optionsSchema[name].default])) as Settings;
}

export const sectionTitles: Record<Section, string> = {
	every: 'Options for every command',
	browser: 'blog-tui [path]',
	list: 'list',
	read: 'read',
	serve: 'serve',
};

const helpColumn = 30;

/** The `--help` lines of one section's flags: `  --port N                    TCP port (default 2222)`. */
export function flagHelp(section: Section): string[] {
	return optionNames.flatMap(name => {
		const {flag} = optionSpec(name);
		if (flag?.section !== section) {
			return [];
		}

		const long = flag.negated ? `--no-${kebab(name)}` : flagSpelling(name);
		const spelled = `${flag.short ? `-${flag.short}, ` : ''}${long}${flag.placeholder ? ` ${flag.placeholder}` : ''}`;
		const [first = '', ...rest] = flag.help;
		return [`  ${spelled.padEnd(helpColumn - 2)}${first}`, ...rest.map(line => `${' '.repeat(helpColumn)}${line}`)];
	});
}

/** The config file's keys, `[serve]` ones as `serve.port`. */
export function configKeys(): string[] {
	return optionNames.flatMap(name => optionSpec(name).config ?? []);
}
