import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {columns: number; rows: number};

// No real terminal is this big; a bogus size (65535 columns) would have Ink lay out millions of cells a frame.
const maxColumns = 1000;
const maxRows = 500;

function read(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: Math.min(maxColumns, Math.max(0, stdout.columns || 80)), rows: Math.min(maxRows, Math.max(0, stdout.rows || 24))};
}

/** The terminal's size, updated on resize. Columns or rows can be 0 on odd terminals. */
export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const onResize = () => {
			setSize(read(stdout));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
