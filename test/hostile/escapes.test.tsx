import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import {loadLibrary} from '../../source/content/load-library.js';
import type {Library} from '../../source/content/post.js';
import {renderArticle} from '../../source/render/render-article.js';
import {App} from '../../source/ui/App.js';
import {staticLibrary} from '../../source/ui/services.js';
import {frameWhere} from '../ui/frame-where.js';
import {hostilePost, payloads, placements} from './corpus.js';
import {runInTerminal} from './terminal-oracle.js';
import '../render/grammars.js';

let folder: string;
let library: Library;
const expected = new Map<string, string>();

before(async () => {
	folder = mkdtempSync(path.join(tmpdir(), 'blog-tui-hostile-'));
	let index = 0;
	for (const [name, payload] of Object.entries(payloads)) {
		for (const placement of placements) {
			const file = hostilePost(payload, placement, index++);
			writeFileSync(path.join(folder, file.name), file.text);
			expected.set(file.name, `${name} in ${placement}`);
		}
	}

	library = await loadLibrary(folder);
});

after(() => {
	rmSync(folder, {recursive: true, force: true});
});

test('every hostile post is still listed', () => {
	assert.equal(library.posts.length + library.problems.filter(problem => problem.slug === undefined).length, expected.size);
	assert.equal(library.posts.length, expected.size);
});

for (const colorLevel of [0, 3] as const) {
	for (const hyperlinks of [false, true]) {
		test(`rendered articles reach the terminal clean (colour level ${colorLevel}, hyperlinks ${hyperlinks})`, async () => {
			for (const post of library.posts) {
				const output = renderArticle(post, {width: 80, theme: 'dark', colorLevel, hyperlinks}).lines.join('\n');
				const report = await runInTerminal(output);
				const where = expected.get(path.basename(post.id));
				assert.deepEqual(report.forbidden, [], `${where}: forbidden sequences`);
				assert.deepEqual(report.titles, [], `${where}: title changed`);
				assert.equal(report.bells, 0, `${where}: bell`);
				assert.deepEqual(report.clipboard, [], `${where}: clipboard written`);
				assert.deepEqual(report.replies, [], `${where}: terminal answered back`);
				assert.equal(report.alternateScreen, false, `${where}: switched screens`);
				if (colorLevel === 0) {
					assert.doesNotMatch(output, /\u001B/, `${where}: colour level 0 has no escapes at all`);
				}
			}
		});
	}
}

test('the list and reading screens (menu, links, search, help) show hostile text cleanly', async () => {
	const app = render(<App source={staticLibrary(library)} loadArticle={async post => renderArticle(post, {width: 76, theme: 'dark', colorLevel: 3, hyperlinks: true})}/>);
	Object.defineProperty(app.stdout, 'rows', {value: 40, configurable: true});
	app.stdout.emit('resize');
	// Every frame drawn is checked, not a sample taken after a pause: a busy machine can only make the
	// walk slower. The keys are paced so each lands on the screen the one before brought up.
	await frameWhere(app, frame => frame.includes('posts'), 'the list');
	for (let index = 0; index < library.posts.length + library.problems.length; index += 30) {
		app.stdin.write('j'.repeat(30));
		await delay(40);
	}

	app.stdin.write('\r');
	// The reader's own footer: the list's names `? help` too.
	await frameWhere(app, frame => frame.includes('t headings'), 'an article', 15_000);
	// The reading screens draw post text too: the heading menu, a highlighted link, search matches.
	for (const keys of ['t', '\u001B', '\t', '\t', '/e\r', 'n']) {
		app.stdin.write(keys);
		await delay(60);
	}

	app.stdin.write('?');
	await frameWhere(app, frame => frame.includes('Keys for reading'), 'the reading keys', 15_000);
	const frames = [...new Set(app.frames)];
	app.unmount();
	for (const [index, frame] of frames.entries()) {
		const report = await runInTerminal(frame);
		assert.deepEqual(report.forbidden, [], `frame ${index}`);
		assert.deepEqual(report.titles, [], `frame ${index}`);
		assert.equal(report.bells, 0, `frame ${index}`);
		assert.deepEqual(report.clipboard, [], `frame ${index}`);
		assert.deepEqual(report.replies, [], `frame ${index}`);
		assert.equal(report.alternateScreen, false, `frame ${index}`);
	}
});
