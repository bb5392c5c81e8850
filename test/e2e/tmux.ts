import {execFileSync} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';

/** A detached tmux session running one command, for driving the real CLI in a real terminal. */
export type TmuxSession = {
	/** Types keys: tmux key names (`Enter`, `Escape`, `Down`) or literal text with `{literal: true}`. */
	send: (keys: string | string[], options?: {literal?: boolean}) => void;
	/** The visible screen as plain text lines; `{escapes: true}` keeps colour sequences. */
	screen: (options?: {escapes?: boolean}) => string;
	/** Polls the screen until `predicate` holds; throws with the last screen after `timeoutMs`. */
	waitFor: (predicate: string | RegExp | ((screen: string) => boolean), timeoutMs?: number) => Promise<string>;
	resize: (columns: number, rows: number) => void;
	/** Whether the command has ended; the terminal stays open so its state can be read. */
	exited: () => boolean;
	/** The command's exit status once it has ended. */
	exitStatus: () => number | undefined;
	/** Whether the terminal is on the alternate screen. */
	alternateScreen: () => boolean;
	/** Whether the cursor is visible. */
	cursorVisible: () => boolean;
	/** The process id of the command itself (the pane's shell starts it and waits for it). */
	commandPid: () => number | undefined;
	/** A tmux format about the pane, such as `#{mouse_sgr_flag}`. */
	pane: (format: string) => string;
	kill: () => void;
};

export type TmuxOptions = {
	columns?: number;
	rows?: number;
	env?: Record<string, string>;
	cwd?: string;
	/** The pane's background (`#ffffff`): tmux answers a program's OSC 11 question with it. */
	background?: string;
};

export function hasTmux(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

const exitMarker = '[blog-tui test: exited ';

function writeConfig(text: string): string {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'blog-tui-tmux-')), 'tmux.conf');
	writeFileSync(file, text);
	return file;
}

function quote(value: string): string {
	return `'${value.replaceAll('\'', '\'\\\'\'')}'`;
}

export function startTmux(command: string[], {columns = 100, rows = 30, env = {}, cwd, background}: TmuxOptions = {}): TmuxSession {
	const socket = `blog-tui-test-${randomUUID().slice(0, 8)}`;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	// CI=true makes Ink print only the last frame; the app under test must behave as for a person.
	// No config file: the tester's own ~/.config/blog-tui/config.toml must not change what a test sees.
	const environment = {TERM: 'xterm-256color', CI: 'false', XDG_CONFIG_HOME: fileURLToPath(new URL('../cli/fixtures/config/nowhere', import.meta.url)), ...env};
	const exports = Object.entries(environment).map(([key, value]) => `${key}=${quote(value)}`).join(' ');
	// The shell stays after the command so the terminal state it left behind (screen, cursor) can be read.
	const shell = `${cwd ? `cd ${quote(cwd)} && ` : ''}env ${exports} ${command.map(part => quote(part)).join(' ')}; printf '\\n${exitMarker}%d]\\n' $?; exec sleep 3600`;
	// Set in the file tmux starts with, so it holds before the command asks.
	const config = background === undefined ? '/dev/null' : writeConfig(`set -g window-style 'bg=${background}'\n`);
	tmux('-f', config, 'new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', 'test', shell);
	const screen = ({escapes = false} = {}) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'test');
	const exitStatus = () => {
		const match = new RegExp(`${exitMarker.replace('[', '\\[')}(\\d+)]`).exec(tmux('capture-pane', '-p', '-S', '-', '-t', 'test'));
		return match ? Number(match[1]) : undefined;
	};

	return {
		send(keys, {literal = false} = {}) {
			tmux('send-keys', '-t', 'test', ...(literal ? ['-l'] : []), ...(Array.isArray(keys) ? keys : [keys]));
		},
		screen,
		async waitFor(predicate, timeoutMs = 10_000) {
			const test = typeof predicate === 'function' ? predicate : (text: string) => (typeof predicate === 'string' ? text.includes(predicate) : predicate.test(text));
			const deadline = Date.now() + timeoutMs;
			let last = '';
			while (Date.now() < deadline) {
				last = screen();
				if (test(last)) {
					return last;
				}

				await delay(50);
			}

			throw new Error(`timed out waiting for ${String(predicate)}; screen was:\n${last}`);
		},
		resize(newColumns, newRows) {
			tmux('resize-window', '-t', 'test', '-x', String(newColumns), '-y', String(newRows));
		},
		exited: () => exitStatus() !== undefined,
		alternateScreen: () => tmux('display-message', '-p', '-t', 'test', '#{alternate_on}').trim() === '1',
		cursorVisible: () => tmux('display-message', '-p', '-t', 'test', '#{cursor_flag}').trim() === '1',
		pane: format => tmux('display-message', '-p', '-t', 'test', format).trim(),
		exitStatus,
		commandPid() {
			const shell = tmux('display-message', '-p', '-t', 'test', '#{pane_pid}').trim();
			try {
				return Number(execFileSync('pgrep', ['-P', shell], {encoding: 'utf8'}).split('\n')[0]) || undefined;
			} catch {
				return undefined;
			}
		},
		kill() {
			try {
				tmux('kill-server');
			} catch {}
		},
	};
}
