import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import {describeFsError} from './discover-files.js';

export function formatSize(bytes: number): string {
	if (bytes < 1024) {
		return `${bytes} bytes`;
	}

	const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
	return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/**
 * Reads a whole file synchronously (for many small files this is several times faster than the
 * thread-pool reads of fs/promises); files over `maxBytes` are not read at all.
 */
export function readFileBytes(file: string, maxBytes: number): {bytes: Uint8Array} | {problem: string} {
	let fd: number | undefined;
	try {
		// O_NONBLOCK: a FIFO swapped in for a post must not hang the whole library.
		fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
		const info = fstatSync(fd);
		if (!info.isFile()) {
			return {problem: info.isDirectory() ? 'a folder, not a file' : 'not a regular file'};
		}

		if (info.size > maxBytes) {
			return {problem: `too large: ${formatSize(info.size)} (limit ${formatSize(maxBytes)})`};
		}

		const bytes = new Uint8Array(info.size);
		let filled = 0;
		while (filled < bytes.length) {
			const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
			if (read === 0) {
				break;
			}

			filled += read;
		}

		return {bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled)};
	} catch (error) {
		return {problem: describeFsError(error)};
	} finally {
		if (fd !== undefined) {
			closeSync(fd);
		}
	}
}
