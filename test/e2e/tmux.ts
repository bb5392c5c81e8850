import {execFileSync} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {setTimeout as delay} from 'node:timers/promises';

/** A detached tmux session running one command, for driving the real CLI in a real terminal. */
export type TmuxSession = {
	/** Types keys: tmux key names (`Enter`, `Escape`, `Down`) or literal text with `{literal: true}`. */
	send: (keys: string | string[], options?: {literal?: boolean}) => void;
	/** The visible screen as plain text lines; `{escapes: true}` keeps colour sequences. */
	screen: (options?: {escapes?: boolean}) => string;
	/** Polls the screen until `predicate` holds; throws with the last screen after `timeoutMs`. */
	waitFor: (predicate: string | RegExp | ((screen: string) => boolean), timeoutMs?: number) => Promise<string>;
	resize: (columns: number, rows: number) => void;
	/** Whether the command has ended; the pane stays so its last screen can be read. */
	exited: () => boolean;
	/** The command's exit status once it has ended. */
	exitStatus: () => number | undefined;
	kill: () => void;
};

export type TmuxOptions = {columns?: number; rows?: number; env?: Record<string, string>; cwd?: string};

export function hasTmux(): boolean {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

function quote(value: string): string {
	return `'${value.replaceAll('\'', '\'\\\'\'')}'`;
}

export function startTmux(command: string[], {columns = 100, rows = 30, env = {}, cwd}: TmuxOptions = {}): TmuxSession {
	const socket = `blog-tui-test-${randomUUID().slice(0, 8)}`;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	// CI=true makes Ink print only the last frame; the app under test must behave as for a person.
	const environment = {TERM: 'xterm-256color', CI: 'false', ...env};
	const exports = Object.entries(environment).map(([key, value]) => `${key}=${quote(value)}`).join(' ');
	const shell = `${cwd ? `cd ${quote(cwd)} && ` : ''}env ${exports} ${command.map(part => quote(part)).join(' ')}`;
	tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', 'test', shell);
	tmux('set-option', '-t', 'test', 'remain-on-exit', 'on');
	const screen = ({escapes = false} = {}) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'test');
	const paneStatus = () => tmux('display-message', '-p', '-t', 'test', '#{pane_dead} #{pane_dead_status}').trim().split(' ');
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
		exited: () => paneStatus()[0] === '1',
		exitStatus() {
			const [dead, status] = paneStatus();
			return dead === '1' ? Number(status) : undefined;
		},
		kill() {
			try {
				tmux('kill-server');
			} catch {}
		},
	};
}
