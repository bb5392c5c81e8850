import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {columns: number; rows: number};

function read(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: Math.max(0, stdout.columns || 80), rows: Math.max(0, stdout.rows || 24)};
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
