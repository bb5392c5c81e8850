export type TerminalSize = {columns: number; rows: number};

/**
 * The largest terminal anyone gets laid out for, locally or over SSH. No real terminal is this big;
 * a bogus size (65535 or 4294967295 columns, sent by a pty request or a window change) would have Ink
 * lay out millions of cells a frame until the process runs out of memory.
 */
export const maxTerminalSize: TerminalSize = {columns: 1000, rows: 500};

/** What a terminal that reports no size (0, undefined, garbage) is taken to be. */
export const defaultTerminalSize: TerminalSize = {columns: 80, rows: 24};

function clampOne(value: unknown, fallback: number, max: number): number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.min(max, Math.floor(value)) : fallback;
}

/** A reported size made usable: 0 or garbage falls back to 80×24, anything bigger than 1000×500 is cut down to it. */
export function clampTerminalSize(columns: unknown, rows: unknown): TerminalSize {
	return {columns: clampOne(columns, defaultTerminalSize.columns, maxTerminalSize.columns), rows: clampOne(rows, defaultTerminalSize.rows, maxTerminalSize.rows)};
}
