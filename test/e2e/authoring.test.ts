import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {hasTmux, startTmux, type TmuxSession} from './tmux.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const skip = !hasTmux() && 'tmux is not installed';

/** Filters the list down to the draft and opens it. */
async function openDraft(session: TmuxSession): Promise<void> {
	await session.waitFor('Work in progress');
	session.send('/');
	session.send('progress', {literal: true});
	await session.waitFor(text => !text.includes('Another post'));
	session.send('Enter');
	session.send('Enter');
}

function post(title: string, line: string): string {
	return `---\ntitle: ${title}\ndate: 2026-01-0${title.length % 9 + 1}\n---\n\nIntroduction.\n\n## Part\n\n${line}\n`;
}

function blog(): string {
	const root = mkdtempSync(path.join(tmpdir(), 'blog-tui-authoring-e2e-'));
	writeFileSync(path.join(root, 'draft.md'), post('Work in progress', 'Version zero.'));
	writeFileSync(path.join(root, 'other.md'), post('Another post', 'Other text.'));
	return root;
}

test('atomic saves (sed -i twice, write-temp-then-mv three times) each show in the open article; reopening shows the last', {skip}, async () => {
	const root = blog();
	const file = path.join(root, 'draft.md');
	const session = startTmux(['node', cli, root], {columns: 80, rows: 24});
	try {
		await openDraft(session);
		await session.waitFor('Version zero.');
		for (const version of ['one', 'two']) {
			execFileSync('sed', ['-i', `s/^Version .*/Version ${version} by sed./`, file]);
			await session.waitFor(`Version ${version} by sed.`, 10_000);
		}

		for (const version of ['three', 'four', 'five']) {
			writeFileSync(`${file}.tmp`, post('Work in progress', `Version ${version} by mv.`));
			renameSync(`${file}.tmp`, file);
			await session.waitFor(`Version ${version} by mv.`, 10_000);
		}

		session.send('Escape');
		await session.waitFor('1 of 2 posts');
		session.send('Enter');
		const screen = await session.waitFor('Version five by mv.');
		assert.doesNotMatch(screen, /Version (zero|one|two|three|four)/);
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 0);
	} finally {
		session.kill();
		rmSync(root, {recursive: true, force: true});
	}
});

test('e opens the post in $EDITOR at the line on top (frontmatter counted); the app comes back and shows the edit', {skip}, async () => {
	const root = blog();
	const file = path.join(root, 'draft.md');
	const paragraphs = Array.from({length: 30}, (_, index) => `Line ${index + 1} of the draft.`).join('\n\n');
	writeFileSync(file, `---\ntitle: Work in progress\ndate: 2026-01-05\n---\n\n${paragraphs}\n`);
	const log = path.join(root, 'editor-argv.txt');
	// A stand-in editor: records its arguments, appends a line to the file it was given, exits.
	// Named vim, so it is given the line as vim is: `+N file`.
	mkdirSync(path.join(root, 'bin'));
	const editor = path.join(root, 'bin', 'vim');
	writeFileSync(editor, `#!/bin/sh\nprintf '%s\\n' "$@" > '${log}'\nfor last; do :; done\nprintf '\\nAdded by the editor.\\n' >> "$last"\n`, {mode: 0o755});
	const session = startTmux(['node', cli, root], {columns: 80, rows: 24, env: {EDITOR: editor, VISUAL: ''}});
	try {
		await openDraft(session);
		await session.waitFor('Line 4 of the draft.');
		session.send('j'.repeat(20), {literal: true});
		const before = await session.waitFor(text => !text.includes('Line 3 of the draft.') && /Line \d+ of the draft/.test(text));
		const topLine = /Line (\d+) of the draft/.exec(before)!;
		session.send('e');
		await session.waitFor(() => existsSync(log) && readFileSync(file, 'utf8').includes('Added by the editor.'), 10_000);
		const argv = readFileSync(log, 'utf8').trim().split('\n');
		// `Line N` is body line 2N - 2 after the blank line that follows 4 lines of frontmatter: file line 2N + 4.
		assert.deepEqual(argv, [`+${(Number(topLine[1]) * 2) + 4}`, file]);
		// The post is read again after the editor exits; G until its new last line is in view.
		await session.waitFor(text => {
			session.send('G');
			return text.includes('Added by the editor.');
		}, 10_000);
		assert.ok(session.alternateScreen(), 'the app has its screen back');
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(session.exitStatus(), 0);
	} finally {
		session.kill();
		rmSync(root, {recursive: true, force: true});
	}
});

test('the mouse wheel scrolls the list and the article; mouse reports are on while running and off after; --no-mouse keeps them off', {skip}, async () => {
	const root = blog();
	const paragraphs = Array.from({length: 30}, (_, index) => `Line ${index + 1} of the draft.`).join('\n\n');
	writeFileSync(path.join(root, 'draft.md'), `---\ntitle: Work in progress\ndate: 2026-01-05\n---\n\n${paragraphs}\n`);
	const session = startTmux(['node', cli, root], {columns: 80, rows: 24});
	const flag = (name: string) => session.pane(`#{${name}}`);
	try {
		await session.waitFor('Work in progress');
		assert.equal(flag('mouse_sgr_flag'), '1');
		assert.equal(flag('mouse_standard_flag'), '1');
		const selected = (text: string) => text.split('\n').find(line => line.includes('▸'));
		const first = selected(session.screen());
		session.send('\u001B[<65;10;10M', {literal: true});
		await session.waitFor(text => selected(text) !== first);
		session.send('\u001B[<64;10;10M', {literal: true});
		await session.waitFor(text => selected(text) === first);
		await openDraft(session);
		await session.waitFor('Line 4 of the draft.');
		session.send('\u001B[<65;10;10M', {literal: true});
		session.send('\u001B[<65;10;10M', {literal: true});
		const scrolled = await session.waitFor(text => !text.includes('Line 1 of the draft.'));
		assert.doesNotMatch(scrolled, /\[<|65;10/, 'a report is never typed text');
		session.send('\u001B[<64;10;10M', {literal: true});
		session.send('\u001B[<64;10;10M', {literal: true});
		await session.waitFor('Line 1 of the draft.');
		session.send('q');
		await session.waitFor(() => session.exited(), 5000);
		assert.equal(flag('mouse_sgr_flag'), '0', 'mouse reports are off after quitting');
		assert.equal(flag('mouse_standard_flag'), '0');
	} finally {
		session.kill();
	}

	const plain = startTmux(['node', cli, root, '--no-mouse'], {columns: 80, rows: 24});
	try {
		await plain.waitFor('Work in progress');
		assert.equal(plain.pane('#{mouse_standard_flag}'), '0');
		plain.send('q');
		await plain.waitFor(() => plain.exited(), 5000);
	} finally {
		plain.kill();
		rmSync(root, {recursive: true, force: true});
	}
});
