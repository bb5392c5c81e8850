// ANSI (as tmux `capture-pane -e` prints it) to an HTML page, for the README screenshots. aha draws
// inverse over bright colours as blank cells, which hid the selected row; this draws what a terminal does.

type Style = {fg?: string; bg?: string; bold: boolean; dim: boolean; italic: boolean; underline: boolean; inverse: boolean; strike: boolean};

const defaultFg = '#d0d0d0';
const defaultBg = '#000000';
const basic = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5'];
const bright = ['#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];

function hex(value: number): string {
	return value.toString(16).padStart(2, '0');
}

function cube(index: number): string {
	if (index < 8) {
		return basic[index]!;
	}

	if (index < 16) {
		return bright[index - 8]!;
	}

	if (index >= 232) {
		const level = 8 + ((index - 232) * 10);
		return `#${hex(level).repeat(3)}`;
	}

	const steps = [0, 95, 135, 175, 215, 255];
	const offset = index - 16;
	return `#${hex(steps[Math.floor(offset / 36)]!)}${hex(steps[Math.floor(offset / 6) % 6]!)}${hex(steps[offset % 6]!)}`;
}

const plain = (): Style => ({bold: false, dim: false, italic: false, underline: false, inverse: false, strike: false});

function apply(style: Style, codes: number[]): Style {
	const next = {...style};
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 0) {
			Object.assign(next, plain(), {fg: undefined, bg: undefined});
		} else if (code === 1) {
			next.bold = true;
		} else if (code === 2) {
			next.dim = true;
		} else if (code === 3) {
			next.italic = true;
		} else if (code === 4) {
			next.underline = true;
		} else if (code === 7) {
			next.inverse = true;
		} else if (code === 9) {
			next.strike = true;
		} else if (code === 22) {
			next.bold = false;
			next.dim = false;
		} else if (code === 23) {
			next.italic = false;
		} else if (code === 24) {
			next.underline = false;
		} else if (code === 27) {
			next.inverse = false;
		} else if (code === 29) {
			next.strike = false;
		} else if (code >= 30 && code <= 37) {
			next.fg = basic[code - 30];
		} else if (code >= 90 && code <= 97) {
			next.fg = bright[code - 90];
		} else if (code >= 40 && code <= 47) {
			next.bg = basic[code - 40];
		} else if (code >= 100 && code <= 107) {
			next.bg = bright[code - 100];
		} else if (code === 39) {
			next.fg = undefined;
		} else if (code === 49) {
			next.bg = undefined;
		} else if (code === 38 || code === 48) {
			const key = code === 38 ? 'fg' : 'bg';
			if (codes[index + 1] === 5) {
				next[key] = cube(codes[index + 2] ?? 0);
				index += 2;
			} else if (codes[index + 1] === 2) {
				next[key] = `#${hex(codes[index + 2] ?? 0)}${hex(codes[index + 3] ?? 0)}${hex(codes[index + 4] ?? 0)}`;
				index += 4;
			}
		}
	}

	return next;
}

function css(style: Style): string {
	let fg = style.fg ?? defaultFg;
	let bg = style.bg;
	if (style.inverse) {
		[fg, bg] = [bg ?? defaultBg, fg];
	}

	const rules = [`color:${fg}`];
	if (bg) {
		rules.push(`background:${bg}`);
	}

	if (style.bold) {
		rules.push('font-weight:bold');
	}

	if (style.dim) {
		rules.push('opacity:0.6');
	}

	if (style.italic) {
		rules.push('font-style:italic');
	}

	const lines = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean);
	if (lines.length > 0) {
		rules.push(`text-decoration:${lines.join(' ')}`);
	}

	return rules.join(';');
}

function escapeHtml(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A whole page: the screen on a black background in a monospace font, one cell per character. */
export function ansiToHtml(ansi: string): string {
	let style = plain();
	let html = '';
	let run = '';
	const flush = () => {
		if (run !== '') {
			html += `<span style="${css(style)}">${escapeHtml(run)}</span>`;
			run = '';
		}
	};

	// SGR changes the style; OSC (hyperlinks) and other CSI sequences draw nothing.
	const pattern = /\u001B\[([\d;]*)m|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B\[[0-?]*[ -/]*[@-~]|([^\u001B]+)/gu;
	for (const match of ansi.matchAll(pattern)) {
		if (match[1] !== undefined) {
			flush();
			style = apply(style, match[1] === '' ? [0] : match[1].split(';').map(Number));
		} else if (match[2] !== undefined) {
			run += match[2];
		}
	}

	flush();
	return `<!doctype html><meta charset="utf-8"><body style="margin:0;background:${defaultBg}"><pre style="font:15px/1.25 'DejaVu Sans Mono',monospace;margin:12px;color:${defaultFg}">${html}</pre>`;
}
