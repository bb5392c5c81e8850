import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function blog(): string {
	const root = mkdtempSync(path.join(tmpdir(), 'blog-tui-list-layout-'));
	writeFileSync(path.join(root, 'ssh.md'), '---\ntitle: Reading over SSH\ndate: 2026-02-21\ntags: [guide, ssh]\n---\n\n## Serving\n\nRun **blog-tui serve** and connect.\n');
	writeFileSync(path.join(root, 'posts.md'), '---\ntitle: "Writing posts: the frontmatter"\ndate: 2026-03-30\ntags: [guide, writing, markdown, frontmatter, yaml, toml]\ndescription: The fields it reads, their aliases, and its fallbacks.\n---\n\nText.\n');
	return root;
}

const skip = !hasTmux() && 'tmux is not installed';

for (const [columns, rows] of [[80, 24], [160, 45]] as const) {
	test(`at ${columns}×${rows}: tags beside the title, +N for the rest; "ssh" finds only the SSH post; search shows plain text`, {skip}, async () => {
		const root = blog();
		const session = startTmux(['node', cli, root], {columns, rows});
		try {
			let screen = await session.waitFor('Reading over SSH');
			const row = screen.split('\n').find(line => /\d{4}-\d\d-\d\d {2}Writing posts/.test(line))!;
			assert.match(row, columns === 80 ? /Writing posts: the frontmatter {2,}guide writing \+4 {3}1 min/ : /Writing posts: the frontmatter {2,}guide writing markdown frontmatter yaml toml {3}1 min/);
			session.send('/');
			session.send('ssh', {literal: true});
			screen = await session.waitFor(text => / \/ ssh {3}1 match/.test(text));
			assert.doesNotMatch(screen, /Writing posts/);
			session.send('Escape');
			await session.waitFor('Writing posts');
			session.send('F');
			session.send('serve', {literal: true});
			screen = await session.waitFor('1 line in 1 post');
			assert.match(screen, /Reading over SSH {2}Serving │ Run blog-tui serve and connect\./);
			session.send('q');
		} finally {
			session.kill();
			rmSync(root, {recursive: true, force: true});
		}
	});
}
