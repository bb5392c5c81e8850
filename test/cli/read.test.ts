import {spawnSync} from 'node:child_process';
import assert from 'node:assert/strict';
import test from 'node:test';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {blog, cli, repo, runCli} from './run-cli.js';

function read(args: string[], env: Record<string, string> = {}) {
	const run = runCli(['read', ...args], {env});
	assert.equal(run.status, 0, run.stderr);
	return run;
}

test('read <slug> --dir: the rendered article, plain text with no escape byte when piped', () => {
	const run = read(['microservices', '--dir', blog]);
	assert.equal(run.stderr, '');
	assert.doesNotMatch(run.stdout, /\u001B/);
	const lines = run.stdout.split('\n');
	for (const text of ['Teams ship on their own schedule', 'Why split', 'Drawing boundaries', 'Conclusion', 'Split late, split along data.']) {
		assert.ok(lines.some(line => line.includes(text)), `"${text}" in:\n${run.stdout}`);
	}

	assert.ok(lines.findIndex(line => line.includes('Why split')) < lines.findIndex(line => line.includes('Conclusion')));
});

test('read finds a post by slug in any case, by its path in the folder, or as a file; drafts too', () => {
	const expected = read(['rust-async', '--dir', blog]).stdout;
	assert.match(expected, /Futures are lazy/);
	assert.equal(read(['RUST-Async', '--dir', blog]).stdout, expected);
	assert.equal(read(['rust-async.md', '--dir', blog]).stdout, expected);
	assert.equal(read(['test/cli/fixtures/blog/rust-async.md']).stdout, expected);
	assert.match(read(['upcoming', '--dir', blog]).stdout, /Not ready yet/);
});

test('read - renders a post piped in, like a file', () => {
	const run = runCli(['read', '-'], {input: '---\ntitle: Piped in\ntags: [demo]\n---\n\n## First section\n\nFrom standard input.\n'});
	assert.equal(run.status, 0, run.stderr);
	assert.equal(run.stderr, '');
	for (const text of ['Piped in', '#demo', 'First section', 'From standard input.']) {
		assert.ok(run.stdout.includes(text), `"${text}" in:\n${run.stdout}`);
	}

	const empty = runCli(['read', '-'], {input: ''});
	assert.equal(empty.status, 1);
	assert.equal(empty.stderr, 'blog-tui: standard input: empty file — nothing to show\n');
});

test('read: a post read with a problem is printed, the problem reported on stderr', () => {
	const run = read(['half-broken', '--dir', blog]);
	assert.match(run.stdout, /The frontmatter is broken but the words are not\./);
	assert.match(run.stderr, /^blog-tui: half-broken\.md: frontmatter: .*\n$/);
});

test('read: styled with FORCE_COLOR even when piped; --no-color and FORCE_COLOR=0 win', () => {
	assert.match(read(['microservices', '--dir', blog], {FORCE_COLOR: '3'}).stdout, /\u001B\[/);
	assert.doesNotMatch(read(['microservices', '--dir', blog, '--no-color'], {FORCE_COLOR: '3'}).stdout, /\u001B/);
	assert.doesNotMatch(read(['microservices', '--dir', blog], {FORCE_COLOR: '0'}).stdout, /\u001B/);
});

test('read: --theme light and dark colour differently; auto follows COLORFGBG, else dark', () => {
	const styled = (args: string[], env: Record<string, string> = {}) => read(['microservices', '--dir', blog, ...args], {FORCE_COLOR: '3', ...env}).stdout;
	const dark = styled(['--theme', 'dark']);
	const light = styled(['--theme', 'light']);
	assert.notEqual(dark, light);
	assert.equal(stripAnsi(dark), stripAnsi(light));
	assert.equal(styled([]), dark);
	assert.equal(styled(['--theme', 'auto'], {COLORFGBG: '0;15'}), light);
	assert.equal(styled(['--theme', 'LIGHT']), light);
});

test('the global switches are taken by list and read alike', () => {
	assert.equal(read(['microservices', '--dir', blog, '--no-watch', '--no-state', '--no-color', '--ext', 'txt']).stderr, '');
});

test('read: --width, else COLUMNS, else 80 bounds every line', () => {
	const widest = (text: string) => Math.max(...text.split('\n').map(line => stringWidth(stripAnsi(line))));
	const long = `${repo}/test/cli/fixtures/long-lines.md`;
	assert.ok(widest(read([long, '--width', '40']).stdout) <= 40);
	assert.ok(widest(read([long], {COLUMNS: '50'}).stdout) <= 50);
	assert.ok(widest(read([long, '--width', '30'], {COLUMNS: '50'}).stdout) <= 30);
	const unbounded = read([long]).stdout;
	assert.ok(widest(unbounded) <= 80 && widest(unbounded) > 60, `80 columns when nothing says otherwise, got ${widest(unbounded)}`);
});

function inTerminal(args: string[], env: Record<string, string> = {}): string {
	// script(1) runs the command on a pseudo-terminal, so stdout is a TTY as for a person.
	const command = [process.execPath, cli, ...args].map(part => `'${part}'`).join(' ');
	const result = spawnSync('script', ['-qec', command, '/dev/null'], {
		encoding: 'utf8',
		cwd: repo,
		env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', TERM: 'xterm-256color', ...env},
		timeout: 20_000,
	});
	assert.equal(result.status, 0, result.stdout + result.stderr);
	return result.stdout;
}

test('read - with the keyboard as input says to pipe a post in instead of waiting', {skip: spawnSync('script', ['--version']).error !== undefined && 'script(1) is not installed'}, () => {
	const command = [process.execPath, cli, 'read', '-'].map(part => `'${part}'`).join(' ');
	const result = spawnSync('script', ['-qec', command, '/dev/null'], {encoding: 'utf8', cwd: repo, env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', TERM: 'xterm'}, timeout: 20_000});
	assert.equal(result.status, 1);
	assert.equal(result.stdout.trim(), 'blog-tui: read - reads a post from standard input — pipe one in, e.g. cat post.md | blog-tui read -');
});

test('read on a terminal is styled; NO_COLOR and TERM=dumb make it plain', {skip: spawnSync('script', ['--version']).error !== undefined && 'script(1) is not installed'}, () => {
	assert.match(inTerminal(['read', 'microservices', '--dir', blog]), /\u001B\[/);
	assert.doesNotMatch(inTerminal(['read', 'microservices', '--dir', blog], {NO_COLOR: '1'}), /\u001B/);
	assert.doesNotMatch(inTerminal(['read', 'microservices', '--dir', blog], {TERM: 'dumb'}), /\u001B/);
});

test('read on a wide terminal centres a reading-width column, as the browser does; piped output has no margin', {skip: spawnSync('script', ['--version']).error !== undefined && 'script(1) is not installed'}, () => {
	const long = `${repo}/test/cli/fixtures/long-lines.md`;
	const onTerminal = inTerminal(['read', long], {COLUMNS: '140', NO_COLOR: '1'}).split(/\r?\n/).filter(line => line.trim() !== '');
	assert.ok(onTerminal.every(line => line.startsWith(' '.repeat(20)) && stringWidth(line.trimEnd()) <= 120), onTerminal.join('\n'));
	const piped = read([long], {COLUMNS: '140'}).stdout.split('\n').filter(line => line.trim() !== '');
	assert.ok(piped.every(line => !line.startsWith(' ')), piped.join('\n'));
	assert.ok(Math.max(...piped.map(line => stringWidth(line))) > 100);
	const asked = inTerminal(['read', long, '--width', '60'], {COLUMNS: '140', NO_COLOR: '1'}).split(/\r?\n/).filter(line => line.trim() !== '');
	assert.ok(asked.every(line => !line.startsWith(' ') && stringWidth(line) <= 60), asked.join('\n'));
});
