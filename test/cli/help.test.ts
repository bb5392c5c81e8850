import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import test from 'node:test';
import stringWidth from 'string-width';
import {listKeys} from '../../source/ui/list/list-keys.js';
import {runCli} from './run-cli.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};

test('--help, -h, help and <command> --help print the same help, exit 0', () => {
	const help = runCli(['--help']);
	assert.equal(help.status, 0);
	assert.equal(help.stderr, '');
	for (const args of [['-h'], ['help'], ['list', '--help'], ['read', 'x', '-h'], ['serve', '--port', '1', '--help']]) {
		const run = runCli(args);
		assert.equal(run.status, 0, args.join(' '));
		assert.equal(run.stdout, help.stdout, args.join(' '));
	}
});

test('the help names every command, flag and key, with examples, within 80 columns', () => {
	const {stdout} = runCli(['--help']);
	for (const command of ['blog-tui [path|url…]', 'blog-tui list [path|url…]', 'blog-tui read <slug|file|url>', 'blog-tui serve [path|url…]']) {
		assert.ok(stdout.includes(command), command);
	}

	const flags = ['--theme dark|light|auto', '--width N', '--ext EXT', '--no-color', '--no-watch', '--no-state', '-h, --help', '-v, --version', '--json', '-t, --tag TAG', '--drafts', '--dir PATH', '--host ADDRESS', '--port N', '--host-key FILE', '--authorized-keys FILE', '--max-sessions N', '--max-per-ip N', '--idle-timeout SECONDS', '--max-duration SECONDS', '--workers N'];
	for (const flag of flags) {
		assert.match(stdout, new RegExp(`^ {2}${flag.replaceAll(/[|.]/g, '\\$&')} `, 'm'), flag);
	}

	for (const {keys, does} of Object.values(listKeys).flat()) {
		assert.ok(stdout.includes(`  ${keys} `), keys);
		assert.ok(stdout.includes(does.split(' ').slice(0, 3).join(' ')), does);
	}

	for (const readingKey of ['t ', '] [', 'tab  shift-tab', 'n N', 'esc  backspace  h', 'space f PgDn']) {
		assert.ok(stdout.slice(stdout.indexOf('Keys while reading')).includes(readingKey), readingKey);
	}

	assert.match(stdout, /^Examples\n( {2}blog-tui .*\n){5,}/m);
	for (const line of stdout.split('\n')) {
		assert.ok(stringWidth(line) <= 80, `${stringWidth(line)} columns: ${line}`);
	}
});

test('--version and -v print the package version', () => {
	for (const flag of ['--version', '-v']) {
		const run = runCli([flag]);
		assert.equal(run.status, 0);
		assert.equal(run.stdout, `${packageJson.version}\n`);
	}
});
