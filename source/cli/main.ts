import process from 'node:process';
import {fileURLToPath} from 'node:url';
import packageJson from '../../package.json' with {type: 'json'};
import {chooseTarget} from './choose-sources.js';
import {isDebug, outputError, reportError} from './errors.js';
import {globalOptions} from './global-options.js';
import {helpText} from './help-text.js';
import {parseArgs} from './parse-args.js';
import {serveOptions} from './serve-flags.js';
import {type ResolvedSettings, resolveSettings} from './settings.js';

/** The config file's `folder`, named in messages as written there. */
function configuredFolder({settings, configFile}: ResolvedSettings): {root: string; label: string} | undefined {
	const written = configFile.values.folder?.raw;
	return settings.folder === undefined ? undefined : {root: settings.folder, label: typeof written === 'string' ? written : settings.folder};
}

async function run(argv: readonly string[], bundledPosts: string): Promise<void> {
	const parsed = parseArgs(argv);
	if (parsed.kind === 'help') {
		process.stdout.write(helpText);
		return;
	}

	if (parsed.kind === 'version') {
		process.stdout.write(`${packageJson.version}\n`);
		return;
	}

	const {command, input, flags} = parsed;
	const cwd = process.cwd();
	const resolved = resolveSettings(flags, process.env, cwd);
	const {settings} = resolved;
	const options = globalOptions(settings);
	const io = {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd};
	const target = () => chooseTarget(input, cwd, bundledPosts, options.extensions, configuredFolder(resolved));
	// Each command loads what it needs (the library reader, Ink, the renderer, ssh2) only when run.
	switch (command) {
		case 'config': {
			const {describeSettings} = await import('./config-command.js');
			process.stdout.write(describeSettings(resolved));
			break;
		}

		case 'list': {
			const {listCommand} = await import('./list-command.js');
			await listCommand(target(), {json: settings.json, tags: settings.tag}, options, io);
			break;
		}

		case 'read': {
			const {readCommand} = await import('./read-command.js');
			await readCommand({target: input[0]!, dir: settings.dir, bundledPosts, stdin: process.stdin}, options, io);
			break;
		}

		case 'serve': {
			const given = flags.authorizedKeys?.value ?? resolved.configFile.values.authorizedKeys?.raw;
			const serve = serveOptions(settings, options, typeof given === 'string' ? given : undefined);
			const {serve: runServer} = await import('../serve/serve.js');
			const chosen = target();
			await runServer(chosen.kind === 'root' ? chosen.root.root : chosen.specs, serve);
			break;
		}

		case 'browse': {
			const {browseCommand} = await import('./browse-command.js');
			await browseCommand(target(), options, {mouse: settings.mouse, outline: settings.outline, quit: settings.quit});
			break;
		}
	}
}

/**
 * The command line after the Node version check. Every failure ends as one line on stderr and exit
 * code 1 (run time) or 2 (usage); a stack trace only with `DEBUG=blog-tui`.
 */
export async function main(argv: readonly string[], bundledPostsUrl: URL): Promise<void> {
	// `blog-tui list | head` closes the pipe early: that is the reader's choice, not an error.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') {
			process.exit(0);
		}

		const report = outputError(error);
		process.stderr.write(report.text);
		process.exit(report.exitCode);
	});
	try {
		await run(argv, fileURLToPath(bundledPostsUrl));
	} catch (error) {
		const report = reportError(error, isDebug(process.env));
		process.stderr.write(report.text);
		process.exitCode = report.exitCode;
	}
}
