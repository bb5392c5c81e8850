import {openSync} from 'node:fs';
import process from 'node:process';
import tty from 'node:tty';
import chalk from 'chalk';
import type {Target} from './choose-sources.js';
import {CliError} from './errors.js';
import type {GlobalOptions} from './global-options.js';
import {libraryOptions} from './library-options.js';
import {listCommand} from './list-command.js';
import {askTheme} from '../terminal/ask-background.js';
import {terminalCapabilities} from '../terminal/terminal-capabilities.js';

/** Keys from the terminal itself when stdin is a pipe (`cat list | blog-tui`), else undefined. */
function openTerminalInput(): tty.ReadStream | undefined {
	try {
		return new tty.ReadStream(openSync('/dev/tty', 'r'));
	} catch {
		return undefined;
	}
}

/**
 * `blog-tui [path]`: the full-screen browser when output is a terminal that can show it; otherwise
 * the list table, so `blog-tui > posts.txt` and `blog-tui | grep` do something useful.
 */
export async function browseCommand(target: Target, options: GlobalOptions, browser: {mouse: boolean; outline: boolean; quit?: 'quit' | 'back'} = {mouse: true, outline: true}): Promise<void> {
	const io = {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()};
	const dumb = process.env['TERM'] === 'dumb';
	if (!process.stdout.isTTY || dumb) {
		await listCommand(target, {json: false, tags: []}, options, io);
		if (dumb && process.stdout.isTTY) {
			process.stderr.write('blog-tui: TERM=dumb cannot show the full-screen browser, so here is the list — read a post with blog-tui read <slug>\n');
		}

		return;
	}

	const stdin = process.stdin.isTTY ? undefined : openTerminalInput();
	if (!process.stdin.isTTY && !stdin) {
		throw new CliError('input is not a terminal and there is no terminal to read keys from — run blog-tui in a terminal, or print with blog-tui list / blog-tui read');
	}

	const {colorLevel, hyperlinks, attributes} = terminalCapabilities(process.env, true, !options.color);
	// Ink colours through chalk, which knows FORCE_COLOR and --no-color but not NO_COLOR.
	chalk.level = colorLevel;
	// Asked before Ink reads the keys, so the reply is never taken for them; no colour, no question.
	const theme = options.theme !== 'auto' ? options.theme : (colorLevel === 0 ? 'dark' : await askTheme(stdin ?? process.stdin, process.stdout, process.env));
	const {browse} = await import('./browse.js');
	// The screen is the browser's while it runs: a cache warning is printed once it is left.
	const warnings: string[] = [];
	try {
		await browse(target.kind === 'root' ? {root: target.root.root, label: target.root.label, load: libraryOptions(options, process.env, {write: text => warnings.push(text)})} : {specs: target.specs, label: target.label}, {
			colorLevel,
			hyperlinks,
			attributes,
			watch: options.watch,
			showDrafts: options.drafts,
			theme,
			...(options.width === undefined ? {} : {width: options.width}),
			state: options.state,
			mouse: browser.mouse,
			outline: browser.outline,
			quitGoesBack: browser.quit === 'back',
			...(stdin ? {stdin: stdin as unknown as NodeJS.ReadStream} : {}),
		});
	} finally {
		stdin?.destroy();
		process.stderr.write(warnings.join(''));
	}
}
