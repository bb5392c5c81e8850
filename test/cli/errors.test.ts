import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, openSync} from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import {blog, cli, inBatches, oneLineError, repo, runCli, runCliAsync} from './run-cli.js';

const usageErrors: Array<[args: string[], message: string]> = [
	[['--jsn'], 'blog-tui: unknown flag --jsn — did you mean --json? see blog-tui --help'],
	[['list', '--colour'], 'blog-tui: unknown flag --colour — did you mean --color? see blog-tui --help'],
	[['list', '--frobnicate'], 'blog-tui: unknown flag --frobnicate — see blog-tui --help'],
	[['-x'], 'blog-tui: unknown flag -x — see blog-tui --help'],
	[['list', '--width', '10'], 'blog-tui: --width must be a number ≥ 20'],
	[['list', '--width', 'wide'], 'blog-tui: --width must be a number ≥ 20'],
	[['list', '--width=-5'], 'blog-tui: --width must be a number ≥ 20'],
	[['list', '--width', '5000'], 'blog-tui: --width must be at most 1000'],
	[['list', '--width'], 'blog-tui: --width needs a value — see blog-tui --help'],
	[['list', '--width', '30', '--width', '40'], 'blog-tui: --width was given twice — give it once'],
	[['list', '--theme', 'blue'], 'blog-tui: --theme must be dark, light or auto, not "blue"'],
	[['list', '--ext='], 'blog-tui: --ext needs a value — see blog-tui --help'],
	[['list', '-t', ''], 'blog-tui: --tag needs a value — see blog-tui --help'],
	[['list', '--ext', 'a/b'], 'blog-tui: --ext needs a file extension such as txt, not "a/b"'],
	[['list', blog, '--tag='], 'blog-tui: --tag needs a value — see blog-tui --help'],
	[['read', 'x', '--json'], 'blog-tui: --json is not an option of blog-tui read — it belongs to blog-tui list'],
	[['list', '--dir', '.'], 'blog-tui: --dir is not an option of blog-tui list — it belongs to blog-tui read'],
	[['--port', '22'], 'blog-tui: --port is not an option of blog-tui [path] — it belongs to blog-tui serve'],
	[['read', '--drafts', 'x'], 'blog-tui: --drafts is not an option of blog-tui read — it belongs to blog-tui [path] and blog-tui list and blog-tui serve'],
	[['read'], 'blog-tui: read needs a post — blog-tui read <slug|file>, e.g. blog-tui read getting-started'],
	[['read', 'a', 'b'], 'blog-tui: unexpected argument "b" — blog-tui read <slug|file|url> takes one (quote paths with spaces)'],
	[['raed', 'getting-started'], 'blog-tui: unknown command "raed" — did you mean "blog-tui read"?'],
	[['lst', blog], 'blog-tui: unknown command "lst" — did you mean "blog-tui list"?'],
	[['serve', '--port', '70000'], 'blog-tui: --port must be a whole number from 0 to 65535 (0 picks a free one), not "70000"'],
	[['serve', '--port', 'ssh'], 'blog-tui: --port must be a whole number from 0 to 65535 (0 picks a free one), not "ssh"'],
	[['serve', '--max-sessions', '0'], 'blog-tui: --max-sessions must be a whole number from 1 to 100000 (sessions at once), not "0"'],
	[['serve', '--max-per-ip', '1.5'], 'blog-tui: --max-per-ip must be a whole number from 1 to 100000 (sessions at once from one address), not "1.5"'],
	[['serve', '--idle-timeout', '-1'], 'blog-tui: --idle-timeout must be a whole number from 0 to 604800 (seconds, 0 = never), not "-1"'],
	[['serve', '--max-duration', 'forever'], 'blog-tui: --max-duration must be a whole number from 0 to 604800 (seconds, 0 = no limit), not "forever"'],
	[['serve', '--workers', '0'], 'blog-tui: --workers must be a whole number from 1 to 256 (processes), not "0"'],
	[['serve', '--host', ''], 'blog-tui: --host needs a value — see blog-tui --help'],
	[['serve', '--host', 'my host'], 'blog-tui: --host must be an address to listen on, such as 127.0.0.1 or 0.0.0.0, not "my host"'],
];

test('usage errors: one line naming the problem and the fix, exit 2', async () => {
	const runs = await inBatches(usageErrors, 4, async ([args]) => runCliAsync(args));
	for (const [index, [args, message]] of usageErrors.entries()) {
		const run = runs[index]!;
		assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.equal(oneLineError(run), message, args.join(' '));
		assert.equal(run.stdout, '');
	}
});

const runtimeErrors: Array<[args: string[], message: string]> = [
	[['./nope'], 'blog-tui: ./nope does not exist — give a folder of Markdown posts or a post file'],
	[['list', './nope'], 'blog-tui: ./nope does not exist — give a folder of Markdown posts or a post file'],
	[['lsit'], 'blog-tui: lsit does not exist — did you mean "blog-tui list"?'],
	[['list', blog, './nope'], 'blog-tui: ./nope does not exist — give a folder of Markdown posts or a post file'],
	[['list', 'https://'], 'blog-tui: https:// is not a web address blog-tui can read — give http(s)://host/path'],
	[['read', 'micro', '--dir', blog], `blog-tui: no post "micro" in ${blog} — did you mean "microservices"?`],
	[['read', 'rust-asink', '--dir', blog], `blog-tui: no post "rust-asink" in ${blog} — did you mean "rust-async"?`],
	[['read', 'zzzzzzzz', '--dir', blog], `blog-tui: no post "zzzzzzzz" in ${blog} — see the slugs with blog-tui list ${blog}`],
	[['read', 'nope.md'], 'blog-tui: nope.md does not exist — give a post file, or a slug from blog-tui list'],
	[['read', 'test/cli/fixtures/blog'], 'blog-tui: test/cli/fixtures/blog is a folder — read takes one post; browse the folder with blog-tui test/cli/fixtures/blog'],
	[['read', 'test/cli/fixtures/blog/broken/image.md'], 'blog-tui: test/cli/fixtures/blog/broken/image.md: binary file, not text — nothing to show'],
	[['read', 'x', '--dir', './nope'], 'blog-tui: ./nope does not exist — give a folder of Markdown posts or a post file'],
	[['serve', blog, '--authorized-keys', './no-keys'], 'blog-tui: ./no-keys does not exist — give an authorized_keys file with one public key per line'],
];

test('runtime errors: one line saying what was wrong and what to do, exit 1', async () => {
	const runs = await inBatches(runtimeErrors, 4, async ([args]) => runCliAsync(args));
	for (const [index, [args, message]] of runtimeErrors.entries()) {
		const run = runs[index]!;
		assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`);
		assert.equal(oneLineError(run), message, args.join(' '));
		assert.equal(run.stdout, '');
	}
});

test('an error quoting a hostile name prints no control characters', () => {
	const run = runCli(['read', 'evil\u001B]0;owned\u0007\u009B2J\u202Ename\nnext']);
	assert.equal(run.status, 1);
	assert.equal(oneLineError(run), 'blog-tui: no post "evil]0;owned2Jname next" in ./posts — see the slugs with blog-tui list');
});

test('DEBUG=blog-tui adds the stack trace', () => {
	const run = runCli(['./nope'], {env: {DEBUG: 'blog-tui'}});
	assert.equal(run.status, 1);
	assert.match(run.stderr, /^blog-tui: \.\/nope does not exist — .*\nCliError: .*\n\s+at /);
	assert.equal(runCli(['./nope'], {env: {DEBUG: 'other'}}).stderr.split('\n').length, 2);
});

test('no ./posts in the working folder: the bundled guide is the default folder', () => {
	const run = runCli(['read', 'no-such-post-anywhere'], {cwd: blog});
	assert.equal(run.status, 1);
	assert.equal(oneLineError(run), 'blog-tui: no post "no-such-post-anywhere" in the bundled guide — see the slugs with blog-tui list');
	const local = runCli(['list', '--json'], {cwd: `${repo}/test/cli/fixtures/with-posts`});
	assert.deepEqual((JSON.parse(local.stdout) as Array<{slug: string}>).map(post => post.slug), ['hello']);
});

test('output to a full device (> /dev/full): one line, exit 1, for read, list, list --json and the list fallback', {skip: !existsSync('/dev/full')}, () => {
	const full = openSync('/dev/full', 'w');
	try {
		for (const args of [['read', path.join(blog, 'notes.md')], ['list', blog], ['list', blog, '--json'], [blog]]) {
			const result = spawnSync(process.execPath, [cli, ...args], {
				cwd: repo,
				encoding: 'utf8',
				stdio: ['ignore', full, 'pipe'],
				env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp'},
				timeout: 20_000,
			});
			// `list` reports unreadable files on stderr first; then the one line, and no stack trace.
			assert.match(result.stderr, /(?:^|\n)blog-tui: cannot write output: no space left on device\n$/, args.join(' '));
			assert.doesNotMatch(result.stderr, /ENOSPC|\n\s+at /, args.join(' '));
			assert.equal(result.status, 1, args.join(' '));
		}
	} finally {
		closeSync(full);
	}
});
