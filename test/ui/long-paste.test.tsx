import {test} from 'node:test';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import type {Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import {frameWhere} from './frame-where.js';
import {library} from './reader/fixture.js';

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 0, hyperlinks: false});

// What a reader pasting a page does, in one write as a terminal sends it: 120 KB, ending in a run of spaces.
const paste = 'moss lichen '.repeat(2000) + ' '.repeat(96_000);
const ctrlW = '\u0017';
// On a busy machine 120,000 keys through React take a while; the bound only says when to give up.
const bound = 60_000;

test('a 120 KB paste and Ctrl-W in the filter and the heading menu: the screen answers, the query capped, then cut', {timeout: 240_000}, async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	Object.defineProperty(app.stdout, 'columns', {value: 80, configurable: true});
	Object.defineProperty(app.stdout, 'rows', {value: 24, configurable: true});
	app.stdout.emit('resize');
	const screen = () => stripAnsi(app.lastFrame() ?? '');
	const until = async (predicate: (frame: string) => boolean, what: string) => frameWhere(app, () => predicate(screen()), what, bound);
	try {
		await until(frame => frame.includes('A field guide'), 'the list');
		app.stdin.write('/');
		await until(frame => frame.includes('enter keeps'), 'the filter prompt');
		app.stdin.write(paste);
		await until(frame => frame.includes('0 matches') || frame.includes('moss lichen moss'), 'the pasted query');
		// 256 characters are 42 words: 60 Ctrl-W empty the filter, and every post is back.
		app.stdin.write(ctrlW.repeat(60));
		await until(frame => frame.includes('A field guide') && frame.includes('Notes on moss') && frame.includes('2 matches'), 'every post after Ctrl-W emptied the filter');
		app.stdin.write('\rg\r');
		await until(frame => frame.includes('An opening paragraph'), 'the guide');
		app.stdin.write('t');
		await until(frame => frame.includes('Jump to heading'), 'the heading menu');
		app.stdin.write(paste);
		await until(frame => frame.includes('no heading matches'), 'the pasted query in the menu');
		app.stdin.write(ctrlW.repeat(60));
		await until(frame => frame.includes('Wrapping up') && !frame.includes('no heading matches'), 'every heading after Ctrl-W');
	} finally {
		app.unmount();
	}
});
