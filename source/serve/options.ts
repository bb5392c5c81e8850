/** `--theme`: `auto` asks each client's terminal for its background (OSC 11), else its `COLORFGBG`, else dark. */
export type ThemeChoice = 'dark' | 'light' | 'auto';

/**
 * What `blog-tui serve` was asked for, checked against the options schema (`source/cli/options-schema.ts`,
 * where the defaults are):
 * every number is a finite integer in range, paths are absolute.
 */
export type ServeOptions = {
	/** Address to listen on; default `127.0.0.1` (loopback only until the author opens it up). */
	host: string;
	/** 1–65535 (0 asks the system for a free port); default 2222. */
	port: number;
	/** Private host key file; undefined → `$XDG_DATA_HOME/blog-tui/host_ed25519`, made on first start. */
	hostKey: string | undefined;
	/** OpenSSH `authorized_keys` file; undefined → anonymous access (`none` auth, any user). */
	authorizedKeys: string | undefined;
	/** Sessions open at once across all clients; default 100. */
	maxSessions: number;
	/** Sessions open at once from one IP address; default 5. */
	maxPerIp: number;
	/** Seconds without input before a session is closed; 0 = never. Default 600. */
	idleTimeout: number;
	/** Seconds a session may last at most; 0 = no limit. Default 3600. */
	maxDuration: number;
	/** Processes sharing the listening socket (node:cluster); default 1 = no cluster. */
	workers: number;
	theme: ThemeChoice;
	/** `--width`: cap on the article text width in columns; undefined = the client's terminal width. */
	width: number | undefined;
	/** File extensions (no dots) read in the folder: the defaults plus every `--ext`. */
	extensions: string[];
	/** `--drafts`: list drafts (marked) as well. */
	drafts: boolean;
	/** Re-index when files change (`--no-watch` turns it off). */
	watch: boolean;
	/** Wheel and click reports from readers' terminals (`--no-mouse`, `mouse = false`); default true. */
	mouse?: boolean;
	/** The outline pane opens by itself on wide terminals (`outline = false` turns it off); default true. */
	outline?: boolean;
	/** `q` in an article goes back to the list (`quit = "back"`); default false. */
	quitGoesBack?: boolean;
	/** The blog's name in readers' headers (`--title`, `serve.title`); default the folder's name. */
	title?: string;
};
