import assert from 'node:assert/strict';
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

for (const quitGoesBack of [true, false]) {
	test(`q in an article ${quitGoesBack ? 'goes back to the list with quit = "back"' : 'quits by default'}`, async () => {
		const app = render(<App source={staticLibrary(library)} loadArticle={loadArticle} quitGoesBack={quitGoesBack}/>);
		await frameWhere(app, frame => stripAnsi(frame).includes('A field guide'), 'the list', 20_000);
		app.stdin.write('\r');
		await frameWhere(app, frame => stripAnsi(frame).includes('An opening paragraph'), 'the article', 20_000);
		app.stdin.write('q');
		if (quitGoesBack) {
			await frameWhere(app, frame => stripAnsi(frame).includes('A field guide') && !stripAnsi(frame).includes('An opening paragraph'), 'the list again', 20_000);
			// At once: the list takes keys from its first frame on, though Ink attaches handlers after it.
			app.stdin.write('q');
		}

		// Quitting unmounts Ink, which stops reading input.
		const deadline = Date.now() + 20_000;
		while (app.stdin.listenerCount('readable') > 0 && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		// By default the one q in the article quit; with quit = "back" it took the second, in the list.
		assert.equal(app.stdin.listenerCount('readable'), 0, 'the app quit');
		app.unmount();
	});
}
