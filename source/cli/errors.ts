import {describeFsError} from '../content/discover-files.js';
import {sanitize} from '../render/sanitize.js';

/**
 * A problem the user can fix, reported as one line (`blog-tui: <what> — <what to do>`) without a stack.
 * Exit code 2 for usage (an unknown flag, a bad value), 1 for everything that went wrong at run time.
 */
export class CliError extends Error {
	readonly exitCode: 1 | 2;

	constructor(message: string, exitCode: 1 | 2 = 1) {
		super(message);
		this.name = 'CliError';
		this.exitCode = exitCode;
	}
}

export function usageError(message: string): CliError {
	return new CliError(message, 2);
}

/** `DEBUG=blog-tui` (or a list holding it, or `*`) adds stack traces to error reports. */
export function isDebug(env: NodeJS.ProcessEnv): boolean {
	return (env['DEBUG'] ?? '').split(/[\s,]+/).some(name => name === 'blog-tui' || name === '*');
}

/** Messages quote paths, slugs and file contents: no control character or line break gets through. */
function oneLine(text: string): string {
	return sanitize(text).replaceAll(/\s*\n\s*/g, ' ');
}

export type ErrorReport = {text: string; exitCode: 1 | 2};

/** Standard output failed (`> /dev/full`, a full disk, a vanished terminal): one line, exit 1. */
export function outputError(error: unknown): ErrorReport {
	return {text: `blog-tui: cannot write output: ${oneLine(describeFsError(error))}\n`, exitCode: 1};
}

/** What to print on stderr for an error that ended the command, and the exit code. */
export function reportError(error: unknown, debug: boolean): ErrorReport {
	if (error instanceof CliError) {
		return {text: `blog-tui: ${oneLine(error.message)}\n${debug && error.stack ? `${sanitize(error.stack)}\n` : ''}`, exitCode: error.exitCode};
	}

	const message = oneLine(error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error));
	const details = debug
		? `${sanitize(error instanceof Error && error.stack ? error.stack : String(error))}\n`
		: '';
	const hint = debug ? '' : ' — run with DEBUG=blog-tui for details';
	return {text: `blog-tui: unexpected error: ${message}${hint}\n${details}`, exitCode: 1};
}
