import meow, {type AnyFlags} from 'meow';
import {closestMatch} from './closest.js';
import {usageError} from './errors.js';

export type Command = 'browse' | 'list' | 'read' | 'serve';
export const commands: readonly Command[] = ['browse', 'list', 'read', 'serve'];

type FlagSpec = {
	type: 'string' | 'boolean';
	/** The commands it means something to; every command takes the global flags. */
	for: 'all' | readonly Command[];
	multiple?: boolean;
	short?: string;
	/** A boolean that is on unless `--no-<name>`. */
	defaultOn?: boolean;
};

const flagSpecs = {
	theme: {type: 'string', for: 'all'},
	width: {type: 'string', for: 'all'},
	ext: {type: 'string', for: 'all', multiple: true},
	color: {type: 'boolean', for: 'all', defaultOn: true},
	watch: {type: 'boolean', for: 'all', defaultOn: true},
	state: {type: 'boolean', for: 'all', defaultOn: true},
	cache: {type: 'boolean', for: 'all', defaultOn: true},
	help: {type: 'boolean', for: 'all', short: 'h'},
	version: {type: 'boolean', for: 'all', short: 'v'},
	drafts: {type: 'boolean', for: ['browse', 'list', 'serve']},
	json: {type: 'boolean', for: ['list']},
	tag: {type: 'string', for: ['list'], multiple: true, short: 't'},
	dir: {type: 'string', for: ['read']},
	host: {type: 'string', for: ['serve']},
	port: {type: 'string', for: ['serve']},
	hostKey: {type: 'string', for: ['serve']},
	authorizedKeys: {type: 'string', for: ['serve']},
	maxSessions: {type: 'string', for: ['serve']},
	maxPerIp: {type: 'string', for: ['serve']},
	idleTimeout: {type: 'string', for: ['serve']},
	maxDuration: {type: 'string', for: ['serve']},
	workers: {type: 'string', for: ['serve']},
} as const satisfies Record<string, FlagSpec>;

type FlagName = keyof typeof flagSpecs;

export type Flags = {
	theme: string | undefined;
	width: string | undefined;
	ext: string[];
	color: boolean;
	watch: boolean;
	state: boolean;
	cache: boolean;
	drafts: boolean;
	json: boolean;
	tag: string[];
	dir: string | undefined;
	host: string | undefined;
	port: string | undefined;
	hostKey: string | undefined;
	authorizedKeys: string | undefined;
	maxSessions: string | undefined;
	maxPerIp: string | undefined;
	idleTimeout: string | undefined;
	maxDuration: string | undefined;
	workers: string | undefined;
};

export type ParsedArgs =
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'run'; command: Command; input: string[]; flags: Flags};

function kebab(name: string): string {
	return name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
}

const byKebabName = new Map<string, FlagName>(Object.keys(flagSpecs).map(name => [kebab(name), name as FlagName]));
const byShortName = new Map<string, FlagName>(Object.entries(flagSpecs).flatMap(([name, spec]) => ('short' in spec ? [[spec.short, name as FlagName]] : [])));

function spelling(name: FlagName): string {
	return `--${kebab(name)}`;
}

type FlagUse = {name: FlagName; written: string};

/**
 * Every flag written before a `--`, checked by name. meow (yargs-parser underneath) takes any
 * `--anything` silently, so a typo such as `--jsn` would otherwise be ignored.
 */
function scanFlags(argv: readonly string[]): FlagUse[] {
	const uses: FlagUse[] = [];
	for (let index = 0; index < argv.length; index++) {
		const token = argv[index]!;
		if (token === '--') {
			break;
		}

		if (token.startsWith('--')) {
			const [written = '', value] = token.slice(2).split(/=(.*)/s);
			const negated = written.startsWith('no-') && byKebabName.get(written.slice(3));
			const name = byKebabName.get(written) ?? (negated && flagSpecs[negated].type === 'boolean' ? negated : undefined);
			if (!name) {
				const suggestion = closestMatch(written, [...byKebabName.keys(), 'no-color', 'no-watch', 'no-state', 'no-cache']);
				throw usageError(`unknown flag --${written} — ${suggestion ? `did you mean --${suggestion}? ` : ''}see blog-tui --help`);
			}

			uses.push({name, written: `--${written}`});
			if (flagSpecs[name].type === 'string') {
				const given = value ?? argv[index + 1];
				if (given === undefined || given.trim() === '' || (value === undefined && given.startsWith('-') && !/^-\d/.test(given))) {
					throw usageError(`${spelling(name)} needs a value — see blog-tui --help`);
				}

				index += value === undefined ? 1 : 0;
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

				uses.push({name, written: `-${letter}`});
				if (flagSpecs[name].type === 'string' && position === letters.length - 1) {
					if ((argv[index + 1] ?? '').trim() === '') {
						throw usageError(`${spelling(name)} needs a value — see blog-tui --help`);
					}

					index++;
				}
			}
		}
	}

	return uses;
}

function checkRepeats(uses: readonly FlagUse[]): void {
	const seen = new Set<FlagName>();
	for (const {name} of uses) {
		const spec: FlagSpec = flagSpecs[name];
		if (!spec.multiple && seen.has(name)) {
			throw usageError(`${spelling(name)} was given twice — give it once`);
		}

		seen.add(name);
	}
}

function checkFlagsFit(command: Command, uses: readonly FlagUse[]): void {
	for (const {name, written} of uses) {
		const spec: FlagSpec = flagSpecs[name];
		if (spec.for !== 'all' && !spec.for.includes(command)) {
			const owners = spec.for.map(owner => (owner === 'browse' ? 'blog-tui [path]' : `blog-tui ${owner}`)).join(' and ');
			throw usageError(`${written} is not an option of ${command === 'browse' ? 'blog-tui [path]' : `blog-tui ${command}`} — it belongs to ${owners}`);
		}
	}
}

function expectedInputs(command: Command, input: readonly string[]): void {
	if (command === 'read' && input.length === 0) {
		throw usageError('read needs a post — blog-tui read <slug|file>, e.g. blog-tui read getting-started');
	}

	const extra = input[1];
	// A first word that is no path or address, with more after it, is a mistyped command: `blog-tui raed keys`.
	const meant = command === 'browse' && extra !== undefined && !/[/\\.]/.test(input[0]!) ? closestMatch(input[0]!, ['list', 'read', 'serve']) : undefined;
	if (meant !== undefined) {
		throw usageError(`unknown command "${input[0]!}" — did you mean "blog-tui ${meant}"?`);
	}

	// The browser, list and serve read several sources at once: `blog-tui URL URL folder`.
	if (extra !== undefined && command === 'read') {
		throw usageError(`unexpected argument "${extra}" — blog-tui read <slug|file|url> takes one (quote paths with spaces)`);
	}
}

/**
 * Reads the command line into a command, its positional arguments and raw flag values (checked
 * for meaning later, by each command). Throws a usage error (exit 2) for anything it cannot take.
 */
export function parseArgs(argv: readonly string[], importMeta: ImportMeta): ParsedArgs {
	const uses = scanFlags(argv);
	checkRepeats(uses);
	const cli = meow({
		importMeta,
		argv,
		pkg: {},
		description: false,
		autoHelp: false,
		autoVersion: false,
		flags: Object.fromEntries(Object.entries(flagSpecs).map(([name, spec]: [string, FlagSpec]) => [name, {
			type: spec.type,
			isMultiple: spec.multiple ?? false,
			...(spec.short ? {shortFlag: spec.short} : {}),
			...(spec.defaultOn ? {default: true} : {}),
		}])) as AnyFlags,
	});
	if (uses.some(use => use.name === 'help') || cli.input[0] === 'help') {
		return {kind: 'help'};
	}

	if (uses.some(use => use.name === 'version')) {
		return {kind: 'version'};
	}

	const first = cli.input[0];
	const command: Command = first === 'list' || first === 'read' || first === 'serve' ? first : 'browse';
	const input = command === 'browse' ? cli.input : cli.input.slice(1);
	checkFlagsFit(command, uses);
	expectedInputs(command, input);
	const flags = cli.flags as Record<string, unknown>;
	const text = (name: FlagName): string | undefined => (typeof flags[name] === 'string' ? flags[name] : undefined);
	const list = (name: FlagName): string[] => (Array.isArray(flags[name]) ? flags[name].map(String) : []);
	return {
		kind: 'run',
		command,
		input,
		flags: {
			theme: text('theme'),
			width: text('width'),
			ext: list('ext'),
			color: flags['color'] !== false,
			watch: flags['watch'] !== false,
			state: flags['state'] !== false,
			cache: flags['cache'] !== false,
			drafts: flags['drafts'] === true,
			json: flags['json'] === true,
			tag: list('tag'),
			dir: text('dir'),
			host: text('host'),
			port: text('port'),
			hostKey: text('hostKey'),
			authorizedKeys: text('authorizedKeys'),
			maxSessions: text('maxSessions'),
			maxPerIp: text('maxPerIp'),
			idleTimeout: text('idleTimeout'),
			maxDuration: text('maxDuration'),
			workers: text('workers'),
		},
	};
}
