#!/usr/bin/env node
import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {supportsColor} from 'chalk';
import meow from 'meow';
import {loadLibrary} from './content/load-library.js';
import {browse} from './cli/browse.js';

const cli = meow(`
	Usage
	  $ blog-tui [path]

	  path  a folder of Markdown posts or one post file
	        (default: ./posts if it exists, else the bundled guide)

	Keys
	  ↑/↓ j/k       move / scroll
	  enter         open the selected post
	  esc backspace back to the list
	  space b       page down / up
	  g G           top / bottom
	  q ctrl-c      quit

	Examples
	  $ blog-tui
	  $ blog-tui ~/blog/content/posts
`, {
	importMeta: import.meta,
	flags: {},
});

function bundledPosts(): string {
	return fileURLToPath(new URL('../posts', import.meta.url));
}

function chooseRoot(given: string | undefined): {root: string; label: string} {
	if (given) {
		return {root: path.resolve(given), label: given};
	}

	if (existsSync('posts') && statSync('posts').isDirectory()) {
		return {root: path.resolve('posts'), label: './posts'};
	}

	return {root: bundledPosts(), label: 'bundled guide'};
}

async function main(): Promise<void> {
	const {root, label} = chooseRoot(cli.input[0]);
	if (!existsSync(root)) {
		process.stderr.write(`blog-tui: ${label} does not exist\n`);
		process.exitCode = 1;
		return;
	}

	const library = {...await loadLibrary(root), label};
	const colorLevel = process.env['NO_COLOR'] ? 0 : (supportsColor ? supportsColor.level : 0);
	await browse(library, {colorLevel, hyperlinks: false});
}

await main();
