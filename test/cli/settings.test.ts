import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {CliError} from '../../source/cli/errors.js';
import {configKeys, defaultSettings, flagHelp, optionNames, optionsSchema} from '../../source/cli/options-schema.js';
import {parseArgs} from '../../source/cli/parse-args.js';
import {defaultConfigPath, lineOf, readConfigFile, resolveSettings} from '../../source/cli/settings.js';
import {positionsFile} from '../../source/cli/reading-positions.js';
import {defaultHostKeyPath} from '../../source/serve/host-key.js';

const fixtures = fileURLToPath(new URL('fixtures/config', import.meta.url));
const xdg = path.join(fixtures, 'xdg');
const env = {XDG_CONFIG_HOME: xdg};

function given(argv: string[]) {
	const parsed = parseArgs(argv);
	assert.equal(parsed.kind, 'run');
	return parsed.kind === 'run' ? parsed.flags : {};
}

function usageMessage(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		assert.ok(error instanceof CliError, String(error));
		assert.equal(error.exitCode, 2);
		return error.message;
	}

	throw new Error('expected a usage error');
}

test('the config file is $XDG_CONFIG_HOME/blog-tui/config.toml, else ~/.config; a relative XDG path is ignored', () => {
	assert.equal(defaultConfigPath({XDG_CONFIG_HOME: '/etc/xdg-home'}, '/home/ada'), '/etc/xdg-home/blog-tui/config.toml');
	assert.equal(defaultConfigPath({}, '/home/ada'), '/home/ada/.config/blog-tui/config.toml');
	assert.equal(defaultConfigPath({XDG_CONFIG_HOME: 'rel'}, '/home/ada'), '/home/ada/.config/blog-tui/config.toml');
	// The one XDG rule serves every file blog-tui keeps.
	assert.equal(positionsFile({XDG_STATE_HOME: 'rel'}, '/home/ada'), '/home/ada/.local/state/blog-tui/positions.json');
	assert.equal(defaultHostKeyPath({XDG_DATA_HOME: '/data'}), '/data/blog-tui/host_ed25519');
});

test('values come from flags, then the file, then the defaults; each says where it came from', () => {
	const {settings, sources, configFile} = resolveSettings(given(['serve', '--port', '2200', '--no-watch']), env, '/work');
	assert.equal(configFile.file, path.join(xdg, 'blog-tui', 'config.toml'));
	assert.equal(configFile.found, true);
	assert.equal(settings.port, 2200, 'the flag beats the file');
	assert.deepEqual(sources.port, {kind: 'flag', written: '--port'});
	assert.equal(settings.theme, 'light');
	assert.deepEqual(sources.theme, {kind: 'config', file: configFile.file, line: 2});
	assert.equal(settings.width, 72);
	assert.deepEqual(settings.ext, ['md', 'markdown', 'mdx', 'txt']);
	assert.equal(settings.folder, path.resolve(xdg, 'blog-tui', '../../../blog'), 'a relative path is taken from the config file\'s folder');
	assert.equal(settings.drafts, true);
	assert.equal(settings.title, 'Ada writes');
	assert.equal(settings.maxPerIp, 2);
	assert.deepEqual(sources.maxPerIp, {kind: 'config', file: configFile.file, line: 11});
	assert.equal(settings.watch, false);
	assert.deepEqual(sources.watch, {kind: 'flag', written: '--no-watch'});
	assert.equal(settings.maxSessions, 100);
	assert.deepEqual(sources.maxSessions, {kind: 'default'});
});

test('no config file: the schema\'s defaults, and a missing default file is no error', () => {
	const {settings, configFile} = resolveSettings(given(['list']), {XDG_CONFIG_HOME: path.join(fixtures, 'nowhere')}, '/work');
	assert.equal(configFile.found, false);
	assert.deepEqual(settings, defaultSettings());
	assert.equal(settings.theme, 'auto');
	assert.equal(settings.port, 2222);
});

test('an unknown key, a bad value or bad TOML is one usage error naming the file, the line and the key', () => {
	const file = (name: string) => path.join(fixtures, name);
	const read = (name: string) => usageMessage(() => resolveSettings(given(['serve', '--config', file(name)]), {}, '/work'));
	assert.equal(read('unknown-key.toml'), `${file('unknown-key.toml')}:4: unknown key "colour" — did you mean "color"?`);
	assert.equal(read('bad-value.toml'), `${file('bad-value.toml')}:3: serve.idle-timeout must be a whole number from 0 to 604800 (seconds, 0 = never), not "ten minutes"`);
	assert.equal(read('bad-switch.toml'), `${file('bad-switch.toml')}:3: watch must be true or false, not "no"`);
	assert.equal(read('bad-toml.toml'), `${file('bad-toml.toml')}:2: not valid TOML (illegal character in key)`);
	assert.equal(read('dotted.toml'), `${file('dotted.toml')}:2: width must be a number ≥ 20`);
	assert.equal(read('missing.toml'), `${file('missing.toml')}: no such config file — see blog-tui --help for --config`);
	// A bad flag is named as a flag, even with a good file.
	assert.equal(usageMessage(() => resolveSettings(given(['--width', '5']), env, '/work')), '--width must be a number ≥ 20');
});

test('dotted keys and quoted keys are found on their line', () => {
	const source = 'theme = "dark"\nserve.port = 1\n[serve]\n"max-per-ip" = 2\nhost = "a"\n';
	assert.equal(lineOf(source, 'serve.port'), 2);
	assert.equal(lineOf(source, 'serve.max-per-ip'), 4);
	assert.equal(lineOf(source, 'serve.host'), 5);
	assert.equal(lineOf(source, 'theme'), 1);
	assert.equal(readConfigFile(path.join(fixtures, 'dotted.toml'), true).values.port?.line, 1);
});

test('one schema: every flag in --help, every config key, every default come from it', () => {
	const flags = [...flagHelp('every'), ...flagHelp('browser'), ...flagHelp('list'), ...flagHelp('read'), ...flagHelp('serve')].join('\n');
	for (const name of optionNames) {
		const spec = optionsSchema[name] as {flag?: unknown; config?: string};
		if (spec.flag) {
			assert.match(flags, new RegExp(`--(no-)?${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}\\b`), name);
		}
	}

	assert.deepEqual(configKeys().filter(key => key.startsWith('serve.')), ['serve.title', 'serve.host', 'serve.port', 'serve.host-key', 'serve.authorized-keys', 'serve.max-sessions', 'serve.max-per-ip', 'serve.idle-timeout', 'serve.max-duration', 'serve.workers']);
	for (const key of ['theme', 'width', 'folder', 'drafts', 'outline', 'quit']) {
		assert.ok(configKeys().includes(key), key);
	}
});
