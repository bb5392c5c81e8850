import xterm from '@xterm/headless';

/** What a piece of output did to a real terminal emulator, and which sequences it contained. */
export type TerminalReport = {
	/** Window-title changes (OSC 0/1/2). */
	titles: string[];
	bells: number;
	/** Bytes the terminal sent back as if the reader typed them (answers to `ESC[6n`, DA, …). */
	replies: string[];
	/** OSC 52 clipboard writes attempted. */
	clipboard: string[];
	/** Whether output switched the terminal to the alternate screen. */
	alternateScreen: boolean;
	/** Every escape sequence or control character that is not plain SGR or an http(s)/mailto OSC 8 link. */
	forbidden: string[];
};

const bidi = /[\u202A-\u202E\u2066-\u2069]/;

function describe(sequence: string): string {
	return JSON.stringify(sequence);
}

/**
 * Lists what in `output` is not allowed to reach a reader's terminal: only SGR (`ESC[…m`) and OSC 8
 * hyperlinks to http, https or mailto pass, the way git and less ended up filtering.
 */
export function forbiddenSequences(output: string): string[] {
	const found: string[] = [];
	let index = 0;
	while (index < output.length) {
		const character = output[index]!;
		const code = character.codePointAt(0)!;
		if (character === '\u001B') {
			const next = output[index + 1];
			if (next === '[') {
				const csi = /^\u001B\[([\u0030-\u003F]*)([\u0020-\u002F]*)([\u0040-\u007E])/.exec(output.slice(index, index + 256));
				if (!csi) {
					found.push(describe(output.slice(index, index + 8)));
					index++;
					continue;
				}

				if (!(csi[3] === 'm' && csi[2] === '' && /^[\d;:]*$/.test(csi[1]!))) {
					found.push(describe(csi[0]));
				}

				index += csi[0].length;
				continue;
			}

			if (next === ']') {
				const end = /\u0007|\u001B\\/.exec(output.slice(index));
				const body = end ? output.slice(index + 2, index + end.index) : output.slice(index + 2);
				const link = /^8;[^;]*;(.*)$/s.exec(body);
				if (!link || !(link[1] === '' || /^(https?:|mailto:)[^\s\u0000-\u001F\u007F-\u009F]*$/i.test(link[1]!))) {
					found.push(describe(`\u001B]${body.slice(0, 40)}`));
				}

				index += end ? end.index + end[0].length : output.length;
				continue;
			}

			found.push(describe(output.slice(index, index + 2)));
			index += 2;
			continue;
		}

		if ((code < 0x20 && character !== '\n') || (code >= 0x7F && code <= 0x9F) || bidi.test(character)) {
			found.push(describe(character));
		}

		index += character.length;
	}

	return found;
}

/** Feeds `output` to a headless xterm.js and records everything it did besides drawing text. */
export async function runInTerminal(output: string, columns = 100, rows = 30): Promise<TerminalReport> {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const report: TerminalReport = {titles: [], bells: 0, replies: [], clipboard: [], alternateScreen: false, forbidden: forbiddenSequences(output)};
	terminal.onTitleChange(title => report.titles.push(title));
	terminal.onBell(() => report.bells++);
	terminal.onData(data => report.replies.push(data));
	terminal.parser.registerOscHandler(52, data => {
		report.clipboard.push(data);
		return true;
	});
	terminal.buffer.onBufferChange(buffer => {
		if (buffer.type === 'alternate') {
			report.alternateScreen = true;
		}
	});
	// Lines are drawn as a terminal would receive them from a program: LF without a line discipline's CR.
	await new Promise<void>(resolve => {
		terminal.write(output.replaceAll('\n', '\r\n'), resolve);
	});
	terminal.dispose();
	return report;
}
