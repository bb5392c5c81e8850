import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {oneLineError, runCli} from './run-cli.js';

const fixtures = fileURLToPath(new URL('fixtures/config', import.meta.url));
const xdg = path.join(fixtures, 'xdg');
const configFile = path.join(xdg, 'blog-tui', 'config.toml');

test('blog-tui config prints every setting as TOML with where it came from: flag, file and line, default', () => {
	const run = runCli(['config', '--width', '60'], {env: {XDG_CONFIG_HOME: xdg}});
	assert.equal(run.status, 0, run.stderr);
	assert.equal(run.stderr, '');
	const lines = run.stdout.split('\n');
	assert.equal(lines[0], `# config file: ${configFile}`);
	const row = (key: string) => lines.find(line => line.startsWith(`${key} = `) || line.startsWith(`# ${key} = `));
	assert.match(row('theme')!, new RegExp(`^theme = "light" +# ${configFile}:2$`));
	assert.match(row('width')!, /^width = 60 +# --width$/);
	assert.match(row('drafts')!, new RegExp(`^drafts = true +# ${configFile}:6$`));
	assert.match(row('watch')!, /^watch = true +# default$/);
	assert.match(row('quit')!, /^quit = "quit" +# default$/);
	const serve = lines.slice(lines.indexOf('[serve]'));
	assert.match(serve.find(line => line.startsWith('port = '))!, new RegExp(`^port = 2022 +# ${configFile}:10$`));
	assert.match(serve.find(line => line.startsWith('max-sessions = '))!, /^max-sessions = 100 +# default$/);
	assert.match(serve.find(line => line.includes('authorized-keys'))!, /^# authorized-keys = \(anyone gets in\) +# default$/);
});

test('without a config file blog-tui config says so and shows the defaults', () => {
	const run = runCli(['config']);
	assert.equal(run.status, 0, run.stderr);
	assert.match(run.stdout, /^# config file: .*nowhere\/blog-tui\/config\.toml \(not found/);
	assert.match(run.stdout, /^theme = "auto" +# default$/m);
	assert.match(run.stdout, /^port = 2222 +# default$/m);
});

test('the config file\'s settings reach the commands, and flags beat them', () => {
	// folder = "../../../blog" (from the file's folder) and drafts = true: the draft is listed.
	const listed = runCli(['list', '--json'], {env: {XDG_CONFIG_HOME: xdg}});
	assert.equal(listed.status, 0, listed.stderr);
	const slugs = (JSON.parse(listed.stdout) as Array<{slug?: string; draft?: boolean}>).filter(entry => entry.slug).map(entry => entry.slug);
	assert.ok(slugs.includes('upcoming'), `the draft is listed: ${slugs.join(' ')}`);
	const plain = runCli(['list', '--json', 'test/cli/fixtures/with-posts/posts'], {env: {XDG_CONFIG_HOME: xdg}});
	assert.deepEqual((JSON.parse(plain.stdout) as Array<{slug?: string}>).map(entry => entry.slug), ['hello'], 'a path given beats the file\'s folder');
	const flagged = runCli(['config', '--config', path.join(fixtures, 'dotted.toml'), '--width', '30']);
	assert.match(flagged.stdout, /^width = 30 +# --width$/m, 'a flag beats a bad value in the file');
});

test('a bad config file is one line naming the file, the line and the key; exit 2', () => {
	const cases: Array<[string, string]> = [
		['unknown-key.toml', `blog-tui: ${path.join(fixtures, 'unknown-key.toml')}:4: unknown key "colour" — did you mean "color"?`],
		['bad-value.toml', `blog-tui: ${path.join(fixtures, 'bad-value.toml')}:3: serve.idle-timeout must be a whole number from 0 to 604800 (seconds, 0 = never), not "ten minutes"`],
		['bad-toml.toml', `blog-tui: ${path.join(fixtures, 'bad-toml.toml')}:2: not valid TOML (illegal character in key)`],
	];
	for (const [file, message] of cases) {
		for (const command of [['list'], ['config'], []]) {
			const run = runCli([...command, '--config', path.join(fixtures, file)]);
			assert.equal(run.status, 2, `${command.join(' ')} ${file}: ${run.stderr}`);
			assert.equal(oneLineError(run), message);
			assert.equal(run.stdout, '');
		}
	}

	const missing = runCli(['list', '--config', 'nope.toml']);
	assert.equal(missing.status, 2);
	assert.match(oneLineError(missing), /nope\.toml: no such config file/);
	const extra = runCli(['config', 'extra']);
	assert.equal(extra.status, 2);
	assert.match(oneLineError(extra), /blog-tui config takes none/);
});
