import {closeSync, constants, fstatSync, openSync, readSync} from 'node:fs';
import {describeFsError} from './discover-files.js';

export function formatSize(bytes: number): string {
	if (bytes < 1024) {
		return `${bytes} bytes`;
	}

	const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
	return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

// Most posts fit in one read into this reused buffer: no stat call and no allocation per file.
const scratch = new Uint8Array(64 * 1024);

function readFully(fd: number, bytes: Uint8Array, from: number): number {
	let filled = from;
	while (filled < bytes.length) {
		const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
		if (read === 0) {
			break;
		}

		filled += read;
	}

	return filled;
}

/**
 * Reads a whole file synchronously (for many small files several times faster than fs/promises,
 * whose thread-pool round trips dominate); a file over `maxBytes` is not read past its first block.
 * The bytes returned for a small file live in a shared buffer: use them before the next call.
 */
export function readFileBytes(file: string, maxBytes: number): {bytes: Uint8Array} | {problem: string} {
	let fd: number | undefined;
	try {
		// O_NONBLOCK: a FIFO swapped in for a post must not hang the whole library.
		fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
		// A short read of a regular file is its end: one read call for most posts, not two.
		const first = readSync(fd, scratch, 0, scratch.length, 0);
		if (first < scratch.length) {
			return first > maxBytes
				? {problem: `too large: ${formatSize(first)} (limit ${formatSize(maxBytes)})`}
				: {bytes: scratch.subarray(0, first)};
		}

		const info = fstatSync(fd);
		if (!info.isFile()) {
			return {problem: 'not a regular file'};
		}

		if (info.size > maxBytes) {
			return {problem: `too large: ${formatSize(info.size)} (limit ${formatSize(maxBytes)})`};
		}

		const bytes = new Uint8Array(Math.max(info.size, scratch.length));
		bytes.set(scratch);
		return {bytes: bytes.subarray(0, readFully(fd, bytes, scratch.length))};
	} catch (error) {
		return {problem: describeFsError(error)};
	} finally {
		if (fd !== undefined) {
			closeSync(fd);
		}
	}
}
