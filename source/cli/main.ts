import process from 'node:process';
import {fileURLToPath} from 'node:url';
import packageJson from '../../package.json' with {type: 'json'};
import {chooseTarget} from './choose-sources.js';
import {isDebug, outputError, reportError} from './errors.js';
import {globalOptions} from './global-options.js';
import {helpText} from './help-text.js';
import {parseArgs} from './parse-args.js';
import {serveOptions} from './serve-flags.js';

async function run(argv: readonly string[], bundledPosts: string): Promise<void> {
	const parsed = parseArgs(argv, import.meta);
	if (parsed.kind === 'help') {
		process.stdout.write(helpText);
		return;
	}

	if (parsed.kind === 'version') {
		process.stdout.write(`${packageJson.version}\n`);
		return;
	}

	const {command, input, flags} = parsed;
	const options = globalOptions(flags);
	const cwd = process.cwd();
	const io = {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd};
	// Each command loads what it needs (the library reader, Ink, the renderer, ssh2) only when run.
	switch (command) {
		case 'list': {
			const {listCommand} = await import('./list-command.js');
			await listCommand(chooseTarget(input, cwd, bundledPosts, options.extensions), {json: flags.json, tags: flags.tag}, options, io);
			break;
		}

		case 'read': {
			const {readCommand} = await import('./read-command.js');
			await readCommand({target: input[0]!, dir: flags.dir, bundledPosts, stdin: process.stdin}, options, io);
			break;
		}

		case 'serve': {
			const serve = serveOptions(flags, options, cwd);
			const target = chooseTarget(input, cwd, bundledPosts, options.extensions);
			const {serve: runServer} = await import('../serve/serve.js');
			await runServer(target.kind === 'root' ? target.root.root : target.specs, serve);
			break;
		}

		case 'browse': {
			const {browseCommand} = await import('./browse-command.js');
			await browseCommand(chooseTarget(input, cwd, bundledPosts, options.extensions), options);
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
