import assert from 'node:assert/strict';
import {test} from 'node:test';
import {editorCommand, openUrlCommand} from '../../source/cli/editor-command.js';
import {fileLineOf} from '../../source/content/body-line.js';

test('editors get the line their way: +N, or file:N after -g / with --wait; no shell, arguments kept', () => {
	const file = '/blog/a post; rm -rf ~.md';
	for (const editor of ['vi', 'vim', 'nvim', 'nano', 'emacs', 'micro', 'hx', 'helix', 'kak', '/usr/local/bin/nvim']) {
		assert.deepEqual(editorCommand({EDITOR: editor}, file, 12), {command: editor, args: ['+12', file]}, editor);
	}

	assert.deepEqual(editorCommand({EDITOR: 'emacs -nw'}, file, 3), {command: 'emacs', args: ['-nw', '+3', file]});
	assert.deepEqual(editorCommand({VISUAL: 'code', EDITOR: 'vi'}, file, 7), {command: 'code', args: ['--wait', '-g', `${file}:7`]}, 'VISUAL first');
	assert.deepEqual(editorCommand({EDITOR: 'code -w'}, file, 7), {command: 'code', args: ['-w', '-g', `${file}:7`]});
	assert.deepEqual(editorCommand({EDITOR: 'subl'}, file, 9), {command: 'subl', args: ['--wait', `${file}:9`]});
	assert.deepEqual(editorCommand({EDITOR: 'gedit'}, file, 9), {command: 'gedit', args: [file]}, 'an unknown editor gets the file only');
	assert.deepEqual(editorCommand({}, file, 0, 'linux'), {command: 'vi', args: ['+1', file]}, 'no editor set: vi, line at least 1');
	assert.deepEqual(editorCommand({EDITOR: '  '}, file, 2, 'win32'), {command: 'notepad', args: [file]});
});

test('a web address goes to the desktop opener as one argument', () => {
	const url = 'https://example.com/a?b=1&c=$(x)';
	assert.deepEqual(openUrlCommand(url, 'linux'), {command: 'xdg-open', args: [url]});
	assert.deepEqual(openUrlCommand(url, 'darwin'), {command: 'open', args: [url]});
	assert.deepEqual(openUrlCommand(url, 'win32'), {command: 'rundll32', args: ['url.dll,FileProtocolHandler', url]});
});

test('a body line is found in the file past its frontmatter, and past a title line the body lost', () => {
	const file = '\uFEFF---\r\ntitle: T\r\ndate: 2024-01-01\r\n---\r\n\r\n# T\r\n\r\nFirst paragraph.\r\n\r\n## Two\r\n\r\nSecond.\r\n';
	const body = '\nFirst paragraph.\n\n## Two\n\nSecond.\n';
	assert.equal(fileLineOf(file, body, 1), 8);
	assert.equal(fileLineOf(file, body, 3), 10);
	assert.equal(fileLineOf(file, body, 5), 12);
	assert.equal(fileLineOf('+++\ntitle = "x"\n+++\nBody.\n', 'Body.\n', 0), 4);
	assert.equal(fileLineOf('No frontmatter.\n\nMore.\n', 'No frontmatter.\n\nMore.\n', 2), 3);
	assert.equal(fileLineOf('short\n', 'short\n\n\n\n', 9), 2, 'never past the end');
});
