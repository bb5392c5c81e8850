import {spawn, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileLineOf} from '../content/body-line.js';
import type {Post} from '../content/post.js';
import type {LocalActions} from '../ui/services.js';
import {editorCommand, openUrlCommand} from './editor-command.js';
import {mouseOff} from '../terminal/mouse-reports.js';

export type Terminal = {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; env: NodeJS.ProcessEnv};

export {mouseOn} from '../terminal/mouse-reports.js';

/** Stops mouse reports, shows the cursor and leaves the alternate screen: on exit, and while another program has the terminal. */
export const suspendSequence = `${mouseOff}\u001B[?25h\u001B[?1049l`;

function lineInFile(file: string, post: Post, bodyLine: number): number {
	try {
		return fileLineOf(readFileSync(file, 'utf8'), post.body, bodyLine);
	} catch {
		return bodyLine + 1;
	}
}

/**
 * The browser and the editor for the app on the reader's own terminal. The editor runs with the
 * terminal to itself: Ink's screen is left and raw mode is off, and `spawnSync` keeps Node from
 * reading keys meant for the editor; `resume` gives the app its screen back.
 */
export function localActions(terminal: Terminal, resume: () => void): LocalActions {
	return {
		openUrl(url) {
			const {command, args} = openUrlCommand(url);
			const child = spawn(command, args, {stdio: 'ignore', detached: true});
			child.on('error', () => undefined);
			child.unref();
		},
		async edit(post, bodyLine) {
			// A post from the web has no file to edit (the reader does not offer `e` for it).
			const file = post.absolutePath;
			if (file === undefined) {
				return;
			}

			const {command, args} = editorCommand(terminal.env, file, lineInFile(file, post, bodyLine));
			terminal.stdout.write(suspendSequence);
			terminal.stdin.setRawMode?.(false);
			try {
				spawnSync(command, args, {stdio: 'inherit'});
			} finally {
				terminal.stdin.setRawMode?.(true);
				resume();
			}
		},
	};
}
