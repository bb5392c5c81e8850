import {closestMatch} from './closest.js';
import {usageError} from './errors.js';
import {type Command, flagSpelling, kebab, type OptionName, optionNames, optionSpec} from './options-schema.js';

export type {Command} from './options-schema.js';

/** A flag as given on the command line: its raw value (text, a switch, or every repeat) and how it was written. */
export type GivenFlag = {value: string | boolean | string[]; written: string};
export type GivenFlags = Partial<Record<OptionName, GivenFlag>>;

export type ParsedArgs =
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'run'; command: Command; input: string[]; flags: GivenFlags};

const flagNames = optionNames.filter(name => optionSpec(name).flag !== undefined);
const byKebabName = new Map<string, OptionName>(flagNames.map(name => [kebab(name), name]));
const byShortName = new Map<string, OptionName>(flagNames.flatMap(name => {
	const short = optionSpec(name).flag?.short;
	return short ? [[short, name]] : [];
}));
const negatable = flagNames.filter(name => optionSpec(name).flag?.negated).map(name => `no-${kebab(name)}`);

type Scan = {flags: GivenFlags; order: Array<{name: OptionName; written: string}>; positional: string[]};

function missingValue(name: OptionName): never {
	throw usageError(`${flagSpelling(name)} needs a value — see blog-tui --help`);
}

function record(scan: Scan, name: OptionName, written: string, value: string | boolean): void {
	const spec = optionSpec(name);
	const before = scan.flags[name];
	if (before && spec.kind !== 'list') {
		throw usageError(`${flagSpelling(name)} was given twice — give it once`);
	}

	scan.order.push({name, written});
	scan.flags[name] = spec.kind === 'list'
		? {value: [...(before?.value as string[] | undefined) ?? [], value as string], written}
		: {value, written};
}

/** A flag's value: what follows `=`, else the next word unless that is itself a flag. */
function takeValue(name: OptionName, inline: string | undefined, next: string | undefined): string {
	const given = inline ?? next;
	if (given === undefined || given.trim() === '' || (inline === undefined && given.startsWith('-') && !/^-\d/.test(given))) {
		missingValue(name);
	}

	return given;
}

/**
 * Every word before a `--` checked by name, so a typo such as `--jsn` is an error rather than a
 * flag silently ignored; after `--` every word is an argument.
 */
function scan(argv: readonly string[]): Scan {
	const result: Scan = {flags: {}, order: [], positional: []};
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') {
			result.positional.push(...argv.slice(index + 1));
			break;
		}

		if (token.startsWith('--')) {
			const [written = '', inline] = token.slice(2).split(/=(.*)/s);
			const negated = written.startsWith('no-') ? byKebabName.get(written.slice(3)) : undefined;
			const name = byKebabName.get(written) ?? (negated && optionSpec(negated).kind === 'boolean' ? negated : undefined);
			if (!name) {
				const suggestion = closestMatch(written, [...byKebabName.keys(), ...negatable]);
				throw usageError(`unknown flag --${written} — ${suggestion ? `did you mean --${suggestion}? ` : ''}see blog-tui --help`);
			}

			if (optionSpec(name).kind === 'boolean') {
				record(result, name, `--${written}`, name !== negated);
			} else {
				record(result, name, `--${written}`, takeValue(name, inline, argv[index + 1]));
				index += inline === undefined ? 1 : 0;
			}

			continue;
		}

		if (token.startsWith('-') && token.length > 1 && !/^-\d/.test(token)) {
			const letters = [...token.slice(1)];
			for (const [position, letter] of letters.entries()) {
				const name = byShortName.get(letter);
				if (!name) {
					throw usageError(`unknown flag -${letter} — see blog-tui --help`);
				}

				if (optionSpec(name).kind === 'boolean') {
					record(result, name, `-${letter}`, true);
				} else if (position === letters.length - 1) {
					const value = argv[index + 1];
					if (value === undefined || value.trim() === '') {
						missingValue(name);
					}

					record(result, name, `-${letter}`, value);
					index++;
				} else {
					missingValue(name);
				}
			}

			continue;
		}

		result.positional.push(token);
	}

	return result;
}

function commandName(command: Command): string {
	return command === 'browse' ? 'blog-tui [path]' : `blog-tui ${command}`;
}

function checkFlagsFit(command: Command, order: Scan['order']): void {
	if (command === 'config') {
		return;
	}

	for (const {name, written} of order) {
		const spec = optionSpec(name);
		if (spec.for !== 'all' && !spec.for.includes(command)) {
			throw usageError(`${written} is not an option of ${commandName(command)} — it belongs to ${spec.for.filter(owner => owner !== 'config').map(owner => commandName(owner)).join(' and ')}`);
		}
	}
}

function expectedInputs(command: Command, input: readonly string[]): void {
	if (command === 'read' && input.length === 0) {
		throw usageError('read needs a post — blog-tui read <slug|file>, e.g. blog-tui read getting-started');
	}

	const extra = input[command === 'config' ? 0 : 1];
	// A first word that is no path or address, with more after it, is a mistyped command: `blog-tui raed keys`.
	const meant = command === 'browse' && extra !== undefined && !/[/\\.]/.test(input[0]!) ? closestMatch(input[0]!, ['list', 'read', 'serve', 'config']) : undefined;
	if (meant !== undefined) {
		throw usageError(`unknown command "${input[0]!}" — did you mean "blog-tui ${meant}"?`);
	}

	if (extra !== undefined && command === 'config') {
		throw usageError(`unexpected argument "${extra}" — blog-tui config takes none (it shows the settings every command starts from)`);
	}

	// The browser, list and serve read several sources at once: `blog-tui URL URL folder`.
	if (extra !== undefined && command === 'read') {
		throw usageError(`unexpected argument "${extra}" — blog-tui read <slug|file|url> takes one (quote paths with spaces)`);
	}
}

/**
 * Reads the command line into a command, its positional arguments and the flags given, as written
 * (their values are checked later, with the config file's, by `resolveSettings`). Throws a usage
 * error (exit 2) for anything it cannot take.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
	const {flags, order, positional} = scan(argv);
	if (flags.help || positional[0] === 'help') {
		return {kind: 'help'};
	}

	if (flags.version) {
		return {kind: 'version'};
	}

	const first = positional[0];
	const command: Command = first === 'list' || first === 'read' || first === 'serve' || first === 'config' ? first : 'browse';
	const input = command === 'browse' ? positional : positional.slice(1);
	checkFlagsFit(command, order);
	expectedInputs(command, input);
	return {kind: 'run', command, input, flags};
}
