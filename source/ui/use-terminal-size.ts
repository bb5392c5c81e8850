import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import {clampTerminalSize, type TerminalSize} from '../terminal/terminal-size.js';

function read(stdout: NodeJS.WriteStream): TerminalSize {
	return clampTerminalSize(stdout.columns, stdout.rows);
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
