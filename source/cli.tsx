#!/usr/bin/env node
// Only syntax and APIs old Node versions parse and have, so they reach the message below instead
// of a SyntaxError: the rest of blog-tui is loaded only after the check.
const minimumMajor = 20;
const major = Number(process.versions.node.split('.')[0]);
if (major < minimumMajor) {
	process.stderr.write('blog-tui: needs Node.js ' + minimumMajor + ' or newer, this is ' + process.version + ' — install a current Node.js (https://nodejs.org) and run it again\n');
	process.exitCode = 1;
} else {
	const bundledPosts = new URL('../posts', import.meta.url);
	import('./cli/main.js').then(({main}) => main(process.argv.slice(2), bundledPosts));
}
