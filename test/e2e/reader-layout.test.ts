import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const skip = !hasTmux() && 'tmux is not installed';
const slow = 20_000;
const longHeading = 'Configuring the terminal emulator for mouse reports and hyperlinks';
const paragraphs = Array.from({length: 12}, (_, index) => `Paragraph ${index + 1} of the field notes, long enough to wrap once or twice at eighty columns in a terminal.`);
const post = ['---', 'title: Field notes on terminals', 'date: 2025-04-02', 'tags: [terminal, notes]', 'description: What a reader sees first.', '---', '', 'The first line of prose.', '', '## Short', '', ...paragraphs.slice(0, 6).flatMap(text => [text, '']), `## ${longHeading}`, '', ...paragraphs.slice(6).flatMap(text => [text, '']), '### Last words', '', 'The end.', ''].join('\n');

function open(columns: number, rows: number) {
	const folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-layout-e2e-'));
	writeFileSync(path.join(folder, 'field-notes.md'), post);
	const session = startTmux(['node', cli, '--no-state', folder], {columns, rows, env: {HOME: folder, XDG_CONFIG_HOME: folder, XDG_STATE_HOME: folder, XDG_CACHE_HOME: folder}});
	return {session, done: () => {
		session.kill();
		rmSync(folder, {recursive: true, force: true});
	}};
}

const lines = (screen: string) => screen.split('\n');
// The title bar's rule is drawn from the first column across the terminal; the header block's is indented.
const hasBar = (screen: string) => (lines(screen)[1] ?? '').startsWith('────');

test('at 80×24 the header block is shown once at the top, the title bar only once it has scrolled off', {skip}, async () => {
	const {session, done} = open(80, 24);
	try {
		await session.waitFor('Field notes on terminals', slow);
		session.send('Enter');
		const screen = await session.waitFor(text => text.includes('The first line of prose.'), slow);
		const shown = lines(screen);
		assert.deepEqual(shown.slice(0, 4).map(line => line.trim()), ['Field notes on terminals', '2025-04-02 · 1 min read', '#terminal #notes', 'What a reader sees first.']);
		assert.equal(screen.split('Field notes on terminals').length - 1, 1, 'the title once');
		assert.ok(!hasBar(screen), screen);
		// Title, facts, tags, description, rule, a blank line, then 15 rows of prose down to the bottom
		// rule (with the title bar over it, as before, 13).
		const bottom = shown.findLastIndex(line => line.startsWith('────'));
		assert.equal(bottom - 6, 15, screen);
		session.send(['j', 'j', 'j', 'j', 'j']);
		const scrolled = await session.waitFor(text => hasBar(text), slow);
		assert.match(lines(scrolled)[0]!, /Field notes on terminals .*2025-04-02/);
		assert.equal(lines(scrolled)[2]!.trim(), '', 'the blank line under the header block on top');
	} finally {
		done();
	}
});

test('at 160×45 the outline pane opens by itself, with a divider, its entries using its width', {skip}, async () => {
	const {session, done} = open(160, 45);
	try {
		await session.waitFor('Field notes on terminals', slow);
		session.send('Enter');
		const screen = await session.waitFor(text => text.includes('The first line of prose.') && text.includes('Outline'), slow);
		const pane = lines(screen).slice(0, 6);
		assert.ok(pane.every(line => line.charAt(43) === '│'), screen);
		assert.match(screen, /^ {3}Configuring the terminal emulator for m…│/m, 'a long entry cut only at the pane\'s edge');
		assert.match(screen, /^ {5}Last words +│/m);
		session.send('o');
		await session.waitFor(text => !text.includes('Outline'), slow);
	} finally {
		done();
	}
});
