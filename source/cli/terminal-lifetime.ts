import process from 'node:process';

/** Exit statuses as a shell reports a death by signal: 128 + the signal's number. */
const hangUpStatus = 129;
const terminatedStatus = 143;

/**
 * Ends the process when its terminal goes away (end of input or an error reading it, as when the
 * pty is deleted; SIGHUP) or when it is told to stop (SIGTERM), whatever the UI is doing. `restore`
 * runs first, best effort: the terminal may be gone, and a failed write must not keep the process alive.
 * Ink's own signal handling does nothing once another listener exists, so this one must exit itself.
 * Returns a function that removes the handlers.
 */
export function exitWhenTerminalGoes(input: NodeJS.ReadStream, restore: () => void): () => void {
	const end = (status: number) => () => {
		try {
			restore();
		} catch {}

		process.exit(status);
	};

	const hangUp = end(hangUpStatus);
	const terminate = end(terminatedStatus);
	input.on('end', hangUp);
	input.on('error', hangUp);
	process.on('SIGHUP', hangUp);
	process.on('SIGTERM', terminate);
	return () => {
		input.off('end', hangUp);
		input.off('error', hangUp);
		process.off('SIGHUP', hangUp);
		process.off('SIGTERM', terminate);
	};
}
