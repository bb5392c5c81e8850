import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createArticleLoader} from '../../source/worker/article-loader.js';
import type {ArticleSource} from '../../source/render/article.js';

const small = (title: string): ArticleSource => ({title, body: `Text of ${title}.`, headings: []});
const big: ArticleSource = {title: 'Big', body: 'Words of a long post, wrapped again at every width. '.repeat(4000), headings: []};

test('readers\' renders take turns; a reader\'s superseded and closed-session requests are dropped, its own stand', async () => {
	const loader = createArticleLoader({theme: 'dark', colorLevel: 0, hyperlinks: false});
	try {
		await loader(small('warm'), 40);
		const resizer = loader.forSession();
		const leaver = loader.forSession();
		const reader = loader.forSession();
		const order: string[] = [];
		const track = (name: string, promise: Promise<unknown>) => {
			void promise.then(() => order.push(name));
			return promise;
		};

		// The first render runs; the next 20 widths each replace the one before in the queue.
		track('big@30', resizer(big, 30));
		for (let width = 31; width <= 50; width++) {
			track(`big@${width}`, resizer(big, width));
		}

		track('leaver', leaver(small('gone'), 40));
		leaver.close();
		// Asked for after the resizer's last width, yet served first: the resizer has had its turn.
		const last = track('big@51', resizer(big, 51));
		const mine = track('reader', reader(small('mine'), 40));
		await Promise.all([mine, last]);
		// The resizer's widths in between and the leaver's render never ran.
		assert.deepEqual(order, ['big@30', 'reader', 'big@51']);

		// The loader's own caller (one local reader) keeps every request.
		const all = await Promise.all([loader(small('a'), 40), loader(small('b'), 40), loader(small('c'), 40)]);
		assert.deepEqual(all.map(article => article.lines[0]), ['a', 'b', 'c']);
	} finally {
		loader.close();
	}
});
