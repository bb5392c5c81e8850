import {test} from 'node:test';
import {render} from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import type {Post} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import {frameWhere} from './frame-where.js';
import {library} from './reader/fixture.js';

const loadArticle = async (post: Post, width: number) => renderArticle(post, {width, theme: 'dark', colorLevel: 1, hyperlinks: true});
const plain = (frame: string) => stripAnsi(frame);

test('a key that does nothing shows "? for help" in the footer of the list and the article, until the next key', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle}/>);
	await frameWhere(app, frame => plain(frame).includes('Notes on moss'), 'the list', 20_000);
	app.stdin.write('x');
	await frameWhere(app, frame => plain(frame).includes('x does nothing here · ? for help'), 'the list saying so', 20_000);
	app.stdin.write('j');
	await frameWhere(app, frame => !plain(frame).includes('does nothing here') && plain(frame).includes('? help'), 'the hints back', 20_000);
	app.stdin.write('\r');
	await frameWhere(app, frame => plain(frame).includes('t headings'), 'the article', 20_000);
	app.stdin.write('z');
	await frameWhere(app, frame => plain(frame).includes('z does nothing here · ? for help'), 'the article saying so', 20_000);
	app.stdin.write('j');
	await frameWhere(app, frame => !plain(frame).includes('does nothing here'), 'the message gone', 20_000);
	app.unmount();
});
