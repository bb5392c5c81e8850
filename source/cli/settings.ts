import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parse as parseToml, TomlError} from 'smol-toml';
import {xdgDir} from '../xdg-dir.js';
import {closestMatch} from './closest.js';
import {CliError, usageError} from './errors.js';
import {defaultSettings, flagSpelling, type OptionName, optionNames, optionSpec, type Settings} from './options-schema.js';
import type {GivenFlags} from './parse-args.js';

/** Where a setting's value came from, for `blog-tui config`. */
export type SettingSource =
	| {kind: 'default'}
	| {kind: 'flag'; written: string}
	| {kind: 'config'; file: string; line: number};

export type ResolvedSettings = {settings: Settings; sources: Record<OptionName, SettingSource>; configFile: ConfigFile};

export type ConfigFile = {
	file: string;
	/** False when the default file does not exist (a file named with `--config` must). */
	found: boolean;
	values: Partial<Record<OptionName, {raw: unknown; line: number}>>;
};

/** `$XDG_CONFIG_HOME/blog-tui/config.toml` (default `~/.config/blog-tui/config.toml`). */
export function defaultConfigPath(env: NodeJS.ProcessEnv, home?: string): string {
	return path.join(xdgDir(env, 'XDG_CONFIG_HOME', home), 'config.toml');
}

const byConfigKey = new Map<string, OptionName>(optionNames.flatMap(name => {
	const key = optionSpec(name).config;
	return key ? [[key, name]] : [];
}));

/**
 * The 1-based line where `key` (`port`, or `serve.port`) is set: its `key =` line inside its table,
 * or a dotted `serve.port =` line at the top. TOML parsers give no positions for values.
 */
export function lineOf(source: string, key: string): number {
	const lines = source.split(/\r?\n/);
	const parts = key.split('.');
	const leaf = parts.at(-1)!;
	const table = parts.slice(0, -1).join('.');
	const keyPattern = (name: string) => new RegExp(`^\\s*(?:${name.replaceAll('.', '\\s*\\.\\s*').replaceAll('-', '\\-')}|"${name}"|'${name}')\\s*=`);
	let current = '';
	for (const [index, line] of lines.entries()) {
		const header = /^\s*\[\s*([^\]]+?)\s*]/.exec(line);
		if (header) {
			current = header[1]!.replaceAll(/\s+/g, '').replaceAll(/["']/g, '');
			continue;
		}

		if ((current === table && keyPattern(leaf).test(line)) || (current === '' && table !== '' && keyPattern(key).test(line))) {
			return index + 1;
		}
	}

	// A table header (`[serve]` given a value it cannot hold) is the nearest line there is.
	const header = lines.findIndex(line => new RegExp(`^\\s*\\[\\s*${key.replaceAll('.', '\\.')}\\s*]`).test(line));
	return header === -1 ? 1 : header + 1;
}

/** Every key in a parsed TOML document, dotted (`serve.port`); a table is descended into only where the schema has keys under it. */
function keysOf(document: Record<string, unknown>, prefix = ''): Array<{key: string; value: unknown}> {
	return Object.entries(document).flatMap(([name, value]) => {
		const key = prefix + name;
		const isTable = typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
		const holdsKeys = [...byConfigKey.keys()].some(known => known.startsWith(`${key}.`));
		return isTable && holdsKeys ? keysOf(value as Record<string, unknown>, `${key}.`) : [{key, value}];
	});
}

/**
 * Reads the config file: TOML whose keys are the schema's `config` names. A missing default file is
 * no config; a file named with `--config` must exist. An unreadable file, bad TOML or an unknown key
 * is one usage error (exit 2) naming the file and line.
 */
export function readConfigFile(file: string, required: boolean): ConfigFile {
	let source: string;
	try {
		source = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' && !required) {
			return {file, found: false, values: {}};
		}

		throw usageError(`${file}: ${code === 'ENOENT' ? 'no such config file' : (code === 'EISDIR' ? 'a folder, not a config file' : 'cannot be read')} — see blog-tui --help for --config`);
	}

	let document: Record<string, unknown>;
	try {
		document = parseToml(source);
	} catch (error) {
		const line = error instanceof TomlError ? error.line : 1;
		const reason = error instanceof Error ? error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '') : String(error);
		throw usageError(`${file}:${line}: not valid TOML (${reason})`);
	}

	const values: ConfigFile['values'] = {};
	for (const {key, value} of keysOf(document)) {
		const name = byConfigKey.get(key);
		const line = lineOf(source, key);
		if (!name) {
			const suggestion = closestMatch(key, [...byConfigKey.keys()]);
			throw usageError(`${file}:${line}: unknown key "${key}" — ${suggestion ? `did you mean "${suggestion}"?` : `the keys are ${[...byConfigKey.keys()].join(', ')}`}`);
		}

		values[name] = {raw: value, line};
	}

	return {file, found: true, values};
}

/**
 * Every setting from the flags given, else the config file, else the schema's default; each value
 * checked by its option's parser. A bad value in the file names the file, the line and the key.
 */
export function resolveSettings(flags: GivenFlags, env: NodeJS.ProcessEnv, cwd: string): ResolvedSettings {
	const settings = defaultSettings() as Record<OptionName, unknown>;
	const sources = Object.fromEntries(optionNames.map(name => [name, {kind: 'default'}])) as Record<OptionName, SettingSource>;
	const named = flags.config;
	const configPath = named ? optionSpec('config').parse(named.value, {name: '--config', base: cwd}) as string : defaultConfigPath(env);
	const configFile = readConfigFile(configPath, named !== undefined);
	for (const name of optionNames) {
		const spec = optionSpec(name);
		const fromFile = configFile.values[name];
		const given = flags[name];
		if (given) {
			settings[name] = spec.parse(given.value, {name: flagSpelling(name), base: cwd});
			sources[name] = {kind: 'flag', written: given.written};
		} else if (fromFile) {
			try {
				settings[name] = spec.parse(fromFile.raw, {name: spec.config!, base: path.dirname(configPath)});
			} catch (error) {
				throw error instanceof CliError ? usageError(`${configPath}:${fromFile.line}: ${error.message}`) : error;
			}

			sources[name] = {kind: 'config', file: configPath, line: fromFile.line};
		}
	}

	if (named) {
		settings['config'] = configPath;
	}

	return {settings: settings as Settings, sources, configFile};
}
