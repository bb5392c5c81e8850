import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import test from 'node:test';
import {helpText} from '../source/cli/help-text.js';
import {listKeys} from '../source/ui/list/list-keys.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

// The README quotes `--help` in a ```text block under "### Command-line reference".
const quoted = /### Command-line reference\n[\s\S]*?```text\n([\s\S]*?)\n```/.exec(readme);
/** The README without the quoted help: where each flag must also be documented in prose or a table. */
const prose = quoted ? readme.replace(quoted[1]!, '') : readme;

/** `--flag` (or `-f`) as a whole word: `--host` is not satisfied by `--host-key`. */
function mentions(text: string, word: string): boolean {
	const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`).test(text);
}

/** Lines of one `--help` section: from its title line to the next line that starts in column 0. */
function section(title: string): string[] {
	const lines = helpText.split('\n');
	const start = lines.findIndex(line => line === title);
	assert.ok(start !== -1, `--help has a "${title}" section`);
	const rest = lines.slice(start + 1);
	const end = rest.findIndex(line => line !== '' && !line.startsWith(' '));
	return rest.slice(0, end === -1 ? undefined : end);
}

const longFlags = [...new Set(helpText.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])];
const shortFlags = [...new Set(helpText.match(/^ {2}-[a-z](?=,)/gm)?.map(flag => flag.trim()) ?? [])];
const commands = section('Usage').flatMap(line => /^ {2}blog-tui ([a-z]+)\b/.exec(line)?.[1] ?? []);
const environment = section('Environment').flatMap(line => /^ {2}([A-Z][A-Z_]+)=?/.exec(line)?.[1] ?? []);

test('the help text yields the flags, commands and variables this test checks', () => {
	// Guards the extraction itself: if these stop matching, the checks below would pass vacuously.
	for (const flag of ['--json', '--tag', '--dir', '--host-key', '--workers', '--no-state']) {
		assert.ok(longFlags.includes(flag), `${flag} found in --help`);
	}

	assert.deepEqual(shortFlags, ['-h', '-v', '-t']);
	assert.deepEqual(commands, ['list', 'read', 'serve', 'config', 'help']);
	assert.ok(environment.includes('NO_COLOR') && environment.includes('XDG_STATE_HOME'));
});

test('the README quotes blog-tui --help exactly', () => {
	assert.ok(quoted, 'the README has a ```text block under "### Command-line reference"');
	assert.equal(quoted[1], helpText.trimEnd(), 'the quoted help is out of date: paste the output of blog-tui --help');
});

test('the README documents every flag of blog-tui --help outside the quoted help', () => {
	for (const flag of [...longFlags, ...shortFlags]) {
		assert.ok(mentions(prose, flag), `${flag} is in --help but not documented in the README`);
	}
});

test('the README documents every command of blog-tui --help outside the quoted help', () => {
	for (const command of commands) {
		assert.ok(mentions(prose, `blog-tui ${command}`), `blog-tui ${command} is in --help but not documented in the README`);
	}
});

test('the README documents every environment variable of blog-tui --help outside the quoted help', () => {
	for (const name of environment) {
		assert.ok(mentions(prose, name), `${name} is in --help but not documented in the README`);
	}
});

/** The keys written in the key column of the README's table rows whose first cell starts with `where`. */
function keysIn(where: string): Set<string> {
	const rows = readme.split('\n').filter(line => line.startsWith(`| ${where}`));
	return new Set(rows.flatMap(row => row.split(' | ')[1]!.toLowerCase().split(/\s+/)));
}

for (const [screen, where] of [['filter', 'filter (`/`) |'], ['tags', 'tag browser (`#`) |'], ['search', 'full-text search (`F`) |']] as const) {
	test(`the README keys table names every key of the ${screen} screen`, () => {
		const written = keysIn(where);
		for (const {keys} of listKeys[screen]) {
			for (const key of keys.split(/\s+/)) {
				assert.ok(written.has(key.toLowerCase()), `${key} (${keys}) is missing from the README's ${screen} keys`);
			}
		}
	});
}
