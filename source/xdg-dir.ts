import os from 'node:os';
import path from 'node:path';

const fallbacks = {
	XDG_CONFIG_HOME: ['.config'],
	XDG_DATA_HOME: ['.local', 'share'],
	XDG_STATE_HOME: ['.local', 'state'],
} as const;

/**
 * blog-tui's folder under an XDG base directory: `$XDG_STATE_HOME/blog-tui`, else the spec's
 * default under the home folder. The spec says a relative path in the variable is invalid and must be ignored.
 */
export function xdgDir(env: NodeJS.ProcessEnv, variable: keyof typeof fallbacks, home: string = os.homedir()): string {
	const configured = env[variable];
	const base = configured && path.isAbsolute(configured) ? configured : path.join(home, ...fallbacks[variable]);
	return path.join(base, 'blog-tui');
}
