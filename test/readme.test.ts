import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import test from 'node:test';
import {listKeys} from '../source/ui/list/list-keys.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The keys written in the key column of the README's table rows for `where`, lower case. */
function keysIn(where: string): Set<string> {
	const rows = readme.split('\n').filter(line => line.startsWith(`| ${where} |`));
	return new Set(rows.flatMap(row => row.split(' | ')[1]!.toLowerCase().split(/\s+/)));
}

test('the README keys table names every key of the list screen', () => {
	const written = new Set([...keysIn('list'), ...keysIn('anywhere')]);
	for (const {keys} of listKeys.list) {
		for (const key of keys.split(/\s+/)) {
			assert.ok(written.has(key.toLowerCase()), `${key} (${keys}) is missing from the README's list keys`);
		}
	}
});
