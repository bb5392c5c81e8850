import {type OptionName, optionNames, optionSpec} from './options-schema.js';
import type {ResolvedSettings, SettingSource} from './settings.js';

function describeSource(source: SettingSource): string {
	switch (source.kind) {
		case 'flag': {
			return source.written;
		}

		case 'config': {
			return `${source.file}:${source.line}`;
		}

		case 'default': {
			return 'default';
		}
	}
}

function tomlValue(value: unknown): string {
	return Array.isArray(value) ? `[${value.map(item => tomlValue(item)).join(', ')}]` : (typeof value === 'string' ? JSON.stringify(value) : String(value));
}

const valueColumn = 36;

function row(name: OptionName, resolved: ResolvedSettings): string {
	const spec = optionSpec(name);
	const key = spec.config!.split('.').at(-1)!;
	const value = resolved.settings[name];
	const from = describeSource(resolved.sources[name]);
	const assignment = value === undefined ? `# ${key} = (${spec.unset ?? 'unset'})` : `${key} = ${tomlValue(value)}`;
	return `${assignment.padEnd(valueColumn - 1)} # ${from}`;
}

/**
 * `blog-tui config`: every setting a config file can hold, as the TOML that would set it, and where
 * its value came from (a flag, a line of the file, or the default), so the output can seed a config file.
 */
export function describeSettings(resolved: ResolvedSettings): string {
	const {file, found} = resolved.configFile;
	const keys = optionNames.filter(name => optionSpec(name).config !== undefined);
	const top = keys.filter(name => !optionSpec(name).config!.includes('.'));
	const tables = new Map<string, OptionName[]>();
	for (const name of keys.filter(name => optionSpec(name).config!.includes('.'))) {
		const table = optionSpec(name).config!.split('.')[0]!;
		tables.set(table, [...tables.get(table) ?? [], name]);
	}

	const lines = [
		`# config file: ${file}${found ? '' : ' (not found: every value below is a flag or the default)'}`,
		'# flags beat the file; the file beats the defaults',
		'',
		...top.map(name => row(name, resolved)),
		...[...tables].flatMap(([table, names]) => ['', `[${table}]`, ...names.map(name => row(name, resolved))]),
	];
	return `${lines.join('\n')}\n`;
}
