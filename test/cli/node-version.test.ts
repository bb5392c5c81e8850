import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import test from 'node:test';
import {parse} from 'acorn';
import {cli, runCli} from './run-cli.js';

test('the built entry is ES2020 that Node 14 parses, and loads the rest only after the version check', () => {
	const entry = readFileSync(cli, 'utf8');
	const program = parse(entry, {ecmaVersion: 2020, sourceType: 'module', allowHashBang: true});
	// Static imports are linked (and parsed) before any code runs: only node's own modules may be.
	const imports = program.body.filter(node => node.type === 'ImportDeclaration').map(node => node.source.value);
	assert.deepEqual(imports, ['node:module']);
	assert.match(entry, /import\("\.\/chunks\/main-[\w-]+\.js"\)/);
});

test('Node below 20 gets a one-line message and exit 1, not a syntax error', () => {
	const pretend = 'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"18.20.4"}});Object.defineProperty(process,"version",{value:"v18.20.4"})';
	const run = runCli(['list', '--json'], {nodeOptions: ['--import', pretend]});
	assert.equal(run.status, 1);
	assert.equal(run.stdout, '');
	assert.equal(run.stderr, 'blog-tui: needs Node.js 20 or newer, this is v18.20.4 — install a current Node.js (https://nodejs.org) and run it again\n');
});
