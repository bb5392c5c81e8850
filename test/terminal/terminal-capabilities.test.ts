import assert from 'node:assert/strict';
import test from 'node:test';
import {detectColorLevel, detectHyperlinks, detectTheme, terminalCapabilities, terminalColumns} from '../../source/terminal/terminal-capabilities.js';

test('colour depth from TERM and COLORTERM on a terminal', () => {
	const cases: Array<[Record<string, string>, number]> = [
		[{TERM: 'xterm-256color'}, 2],
		[{TERM: 'screen-256color'}, 2],
		[{TERM: 'xterm-256color', COLORTERM: 'truecolor'}, 3],
		[{TERM: 'xterm', COLORTERM: '24bit'}, 3],
		[{TERM: 'xterm-kitty'}, 3],
		[{TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app'}, 3],
		[{TERM: 'xterm-256color', WT_SESSION: 'abc'}, 3],
		[{TERM: 'xterm'}, 1],
		[{TERM: 'linux'}, 1],
		[{TERM: 'vt100'}, 1],
		[{TERM: 'tmux'}, 1],
		[{TERM: 'dumb'}, 0],
		[{TERM: 'dumb', COLORTERM: 'truecolor'}, 0],
		[{}, 0],
		[{TERM: 'stranger'}, 0],
	];
	for (const [env, level] of cases) {
		assert.equal(detectColorLevel(env, true), level, JSON.stringify(env));
	}
});

test('NO_COLOR (non-empty) and output that is not a terminal mean no colour; FORCE_COLOR beats both', () => {
	assert.equal(detectColorLevel({TERM: 'xterm-256color', NO_COLOR: '1'}, true), 0);
	assert.equal(detectColorLevel({TERM: 'xterm-256color', NO_COLOR: ''}, true), 2);
	assert.equal(detectColorLevel({TERM: 'xterm-256color', COLORTERM: 'truecolor'}, false), 0);
	const forced: Array<[string, number]> = [['', 1], ['true', 1], ['1', 1], ['2', 2], ['3', 3], ['7', 3], ['0', 0], ['false', 0]];
	for (const [value, level] of forced) {
		assert.equal(detectColorLevel({FORCE_COLOR: value, NO_COLOR: '1', TERM: 'dumb'}, false), level, `FORCE_COLOR=${value}`);
	}
});

test('hyperlinks only on terminals known to show OSC 8, never inside tmux or screen or when piped', () => {
	const yes = [
		{TERM: 'xterm-kitty'},
		{TERM: 'wezterm'},
		{TERM: 'foot'},
		{TERM: 'xterm-256color', TERM_PROGRAM: 'WezTerm'},
		{TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.19'},
		{TERM: 'xterm-256color', TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.85.0'},
		{TERM: 'xterm-256color', VTE_VERSION: '7200'},
		{TERM: 'xterm-256color', WT_SESSION: 'abc'},
		{TERM: 'xterm-256color', KONSOLE_VERSION: '230804'},
		{TERM: 'xterm', FORCE_HYPERLINK: '1'},
	];
	const no = [
		{TERM: 'xterm-256color'},
		{TERM: 'xterm-256color', TERM_PROGRAM: 'Apple_Terminal'},
		{TERM: 'xterm-256color', TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.15'},
		{TERM: 'xterm-256color', TERM_PROGRAM: 'vscode', TERM_PROGRAM_VERSION: '1.71.2'},
		{TERM: 'xterm-256color', VTE_VERSION: '5000'},
		{TERM: 'screen-256color', VTE_VERSION: '7200'},
		{TERM: 'xterm-kitty', TMUX: '/tmp/tmux-0/default,1,0'},
		{TERM: 'dumb'},
		{TERM: 'xterm-kitty', FORCE_HYPERLINK: '0'},
	];
	for (const env of yes) {
		assert.equal(detectHyperlinks(env, true), true, JSON.stringify(env));
	}

	for (const env of no) {
		assert.equal(detectHyperlinks(env, true), false, JSON.stringify(env));
	}

	assert.equal(detectHyperlinks({TERM: 'xterm-kitty'}, false), false);
});

test('terminalCapabilities: --no-color wins, and no colour means no hyperlinks either', () => {
	assert.deepEqual(terminalCapabilities({TERM: 'xterm-kitty'}, true), {colorLevel: 3, hyperlinks: true, attributes: true});
	assert.deepEqual(terminalCapabilities({TERM: 'xterm-kitty'}, true, true), {colorLevel: 0, hyperlinks: false, attributes: true});
	assert.deepEqual(terminalCapabilities({TERM: 'xterm-kitty', NO_COLOR: '1'}, true), {colorLevel: 0, hyperlinks: false, attributes: true});
	assert.deepEqual(terminalCapabilities({TERM: 'xterm-kitty', FORCE_COLOR: '3'}, false), {colorLevel: 3, hyperlinks: false, attributes: true});
});

test('columns: COLUMNS, else the terminal, else 80; theme from COLORFGBG', () => {
	assert.equal(terminalColumns({COLUMNS: '120'}, 90), 120);
	assert.equal(terminalColumns({COLUMNS: 'wide'}, 90), 90);
	assert.equal(terminalColumns({COLUMNS: '0'}, 0), 80);
	assert.equal(terminalColumns({}, undefined), 80);
	assert.equal(detectTheme({COLORFGBG: '0;15'}), 'light');
	assert.equal(detectTheme({COLORFGBG: '0;default;15'}), 'light');
	assert.equal(detectTheme({COLORFGBG: '15;0'}), 'dark');
	assert.equal(detectTheme({COLORFGBG: '12;8'}), 'dark');
	assert.equal(detectTheme({}), 'dark');
});

test('NO_COLOR and --no-color take the colour, not bold/underline/inverse; TERM=dumb and output that is not a terminal take both', () => {
	assert.deepEqual(terminalCapabilities({TERM: 'xterm-256color', NO_COLOR: '1'}, true), {colorLevel: 0, hyperlinks: false, attributes: true});
	assert.deepEqual(terminalCapabilities({TERM: 'xterm-256color'}, true, true), {colorLevel: 0, hyperlinks: false, attributes: true});
	assert.equal(terminalCapabilities({TERM: 'xterm-256color', FORCE_COLOR: '0'}, true).attributes, true);
	assert.equal(terminalCapabilities({TERM: 'dumb'}, true).attributes, false);
	assert.equal(terminalCapabilities({TERM: 'xterm-256color'}, false).attributes, false);
	assert.equal(terminalCapabilities({TERM: 'xterm-256color'}, false, false).colorLevel, 0);
	assert.equal(terminalCapabilities({FORCE_COLOR: '1'}, false).attributes, true, 'forced colour brings the attributes with it');
});
