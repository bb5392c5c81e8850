import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function post(title: string, date: string, tags: string[], body: string): string {
	return `---\ntitle: ${title}\ndate: ${date}\ntags: [${tags.join(', ')}]\ndescription: About ${title.toLowerCase()}.\n---\n\n${body}\n`;
}

/** A few posts in a temporary folder, so the test may edit them. */
function blog(): string {
	const root = mkdtempSync(path.join(tmpdir(), 'blog-tui-list-e2e-'));
	writeFileSync(path.join(root, 'ssh.md'), post('Reading over SSH', '2026-03-14', ['ssh', 'guide'], 'Serve the blog with one command.'));
	writeFileSync(path.join(root, 'keys.md'), post('Every key', '2026-02-01', ['guide'], 'All the keys, screen by screen.'));
	writeFileSync(path.join(root, 'pager.md'), post('Building a tiny pager', '2025-05-13', ['ink', 'guide'], 'Slicing lines keeps scrolling cheap.'));
	writeFileSync(path.join(root, 'showcase.md'), post('Markdown showcase', '2025-11-20', ['markdown'], 'Tables, code and quotes.'));
	return root;
}

const skip = !hasTmux() && 'tmux is not installed';

test('filter by typing, pick a tag in the tag browser, open a post from the filtered list', {skip}, async () => {
	const root = blog();
	const session = startTmux(['node', cli, root], {columns: 100, rows: 30});
	try {
		await session.waitFor('Markdown showcase');
		session.send('/');
		session.send('pager', {literal: true});
		let screen = await session.waitFor(text => !text.includes('Markdown showcase'));
		assert.match(screen, /Building a tiny pager/);
		assert.match(screen, / \/ pager {3}1 match/);
		session.send('Escape');
		await session.waitFor('Markdown showcase');

		session.send('#');
		screen = await session.waitFor('Tag:');
		assert.match(screen, /▸ guide\s+3/);
		session.send('Enter');
		screen = await session.waitFor('tag: guide');
		assert.match(screen, /3 of 4 posts · tag: guide/);
		assert.doesNotMatch(screen, /Markdown showcase/);

		session.send('/');
		session.send('key', {literal: true});
		await session.waitFor(text => !text.includes('Reading over SSH'));
		session.send('Enter');
		session.send('Enter');
		screen = await session.waitFor('screen by screen');
		assert.doesNotMatch(screen, /Building a tiny pager/);

		session.send('Escape');
		screen = await session.waitFor('filter: key');
		assert.match(screen, /1 of 4 posts · tag: guide · filter: key/);
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 0);
	} finally {
		session.kill();
		rmSync(root, {recursive: true, force: true});
	}
});

test('a post edited, added or removed on disk updates the list, keeping the selection', {skip}, async () => {
	const root = blog();
	const session = startTmux(['node', cli, root], {columns: 100, rows: 30});
	try {
		await session.waitFor('Markdown showcase');
		session.send('j');
		await session.waitFor(text => /▸ 2026-02-01 {2}Every key/.test(text));
		writeFileSync(path.join(root, 'showcase.md'), post('Markdown showcase, revised', '2025-11-20', ['markdown'], 'Now with footnotes.'));
		await session.waitFor('Markdown showcase, revised', 5000);
		writeFileSync(path.join(root, 'new.md'), post('A brand new post', '2026-11-01', ['news'], 'Fresh.'));
		let screen = await session.waitFor('A brand new post', 5000);
		assert.match(screen, /▸ 2026-02-01 {2}Every key/, 'the same post stays selected');
		rmSync(path.join(root, 'pager.md'));
		screen = await session.waitFor(text => !text.includes('Building a tiny pager'), 5000);
		assert.match(screen, /4 posts/);
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
	} finally {
		session.kill();
		rmSync(root, {recursive: true, force: true});
	}
});

test('--drafts lists drafts, marked; --no-watch leaves the list as first read', {skip}, async () => {
	const root = blog();
	writeFileSync(path.join(root, 'idea.md'), `---\ntitle: Half-written idea\ndate: 2026-04-01\ndraft: true\n---\n\nNot yet.\n`);
	const session = startTmux(['node', cli, root, '--drafts', '--no-watch'], {columns: 100, rows: 30});
	try {
		const screen = await session.waitFor('Half-written idea');
		assert.match(screen.split('\n').find(line => line.includes('Half-written idea'))!, /draft/);
		assert.match(screen, /5 posts · 1 draft/);
		writeFileSync(path.join(root, 'keys.md'), post('Every key, renamed', '2026-02-01', ['guide'], 'Changed.'));
		await assert.rejects(session.waitFor('renamed', 1500), /timed out/);
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
	} finally {
		session.kill();
		rmSync(root, {recursive: true, force: true});
	}
});

test('without --drafts a draft is not listed', {skip}, async () => {
	const root = blog();
	writeFileSync(path.join(root, 'idea.md'), `---\ntitle: Half-written idea\ndate: 2026-04-01\ndraft: true\n---\n\nNot yet.\n`);
	const session = startTmux(['node', cli, root], {columns: 100, rows: 30});
	try {
		const screen = await session.waitFor('Markdown showcase');
		assert.doesNotMatch(screen, /Half-written idea/);
		assert.match(screen, /4 posts · newest first/);
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
	} finally {
		session.kill();
		rmSync(root, {recursive: true, force: true});
	}
});

test('an open article re-renders when its file changes, and says so when the file is deleted', {skip}, async () => {
	const root = blog();
	const session = startTmux(['node', cli, root], {columns: 100, rows: 30});
	try {
		await session.waitFor('Markdown showcase');
		session.send(['j', 'Enter']);
		await session.waitFor('All the keys, screen by screen.');
		writeFileSync(path.join(root, 'keys.md'), post('Every key', '2026-02-01', ['guide'], 'All the keys, now with the search keys too.'));
		await session.waitFor('now with the search keys too', 5000);
		rmSync(path.join(root, 'keys.md'));
		const screen = await session.waitFor('keys.md was deleted', 5000);
		assert.match(screen, /now with the search keys too/, 'the last version stays on screen');
		session.send('Escape');
		await session.waitFor(text => text.includes('Markdown showcase') && !text.includes('Every key'));
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
	} finally {
		session.kill();
		rmSync(root, {recursive: true, force: true});
	}
});
