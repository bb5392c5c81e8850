import path from 'node:path';

export type Command = {command: string; args: string[]};

/** Editors that take `+N file`. */
const plusLine = new Set(['vi', 'vim', 'nvim', 'gvim', 'mvim', 'view', 'nano', 'pico', 'emacs', 'emacsclient', 'micro', 'hx', 'helix', 'kak', 'kakoune', 'joe', 'mg', 'ne']);
/** Editors that take `file:N` (code after `-g`/`--goto`), and their flag to wait until the file is closed. */
const colonLine: Record<string, {goto?: string; wait: string}> = {
	code: {goto: '-g', wait: '--wait'},
	'code-insiders': {goto: '-g', wait: '--wait'},
	codium: {goto: '-g', wait: '--wait'},
	cursor: {goto: '-g', wait: '--wait'},
	subl: {wait: '--wait'},
	sublime_text: {wait: '--wait'},
};

/**
 * The editor to run on `file` at 1-based `line`: `$VISUAL`, else `$EDITOR`, else vi (notepad on
 * Windows). The variable may hold arguments (`emacs -nw`, `code -w`); it is split on spaces and run
 * without a shell, so nothing in it or in the file's name is ever interpreted.
 */
export function editorCommand(env: NodeJS.ProcessEnv, file: string, line: number, platform: NodeJS.Platform = process.platform): Command {
	const configured = (env['VISUAL']?.trim() || env['EDITOR']?.trim()) ?? '';
	const [command = platform === 'win32' ? 'notepad' : 'vi', ...given] = configured === '' ? [] : configured.split(/\s+/);
	const name = path.basename(command).replace(/\.exe$/i, '').toLowerCase();
	const at = Math.max(1, Math.floor(line));
	if (plusLine.has(name)) {
		return {command, args: [...given, `+${at}`, file]};
	}

	const colon = colonLine[name];
	if (colon) {
		const waits = given.includes(colon.wait) || given.includes('-w');
		return {command, args: [...given, ...(waits ? [] : [colon.wait]), ...(colon.goto ? [colon.goto] : []), `${file}:${at}`]};
	}

	return {command, args: [...given, file]};
}

/** How to hand a web address to the desktop's browser, without a shell (`start` is a cmd built-in, so Windows uses rundll32). */
export function openUrlCommand(url: string, platform: NodeJS.Platform = process.platform): Command {
	if (platform === 'darwin') {
		return {command: 'open', args: [url]};
	}

	if (platform === 'win32') {
		return {command: 'rundll32', args: ['url.dll,FileProtocolHandler', url]};
	}

	return {command: 'xdg-open', args: [url]};
}
