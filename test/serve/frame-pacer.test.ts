import assert from 'node:assert/strict';
import {test} from 'node:test';
import {FramePacer} from '../../source/serve/frame-pacer.js';

function clock() {
	let now = 0;
	return {now: () => now, advance(ms: number) {
		now += ms;
	}};
}

const big = 1000 * 500;
const small = 100 * 30;

test('small frames are never held, even while big ones wait their turn', () => {
	const time = clock();
	const pacer = new FramePacer({share: 0.3, smallMs: 50}, time.now);
	pacer.starting(big);
	time.advance(1400);
	pacer.drawn(big, 1400);
	assert.ok(pacer.waitFor(big) > 0, 'the next big frame waits');
	assert.equal(pacer.waitFor(small), 0);
});

test('big frames of every session together take at most the share of the time', () => {
	const time = clock();
	const pacer = new FramePacer({share: 0.3, smallMs: 50}, time.now);
	let drawing = 0;
	// Five sessions with 1000×500 screens, each drawing whenever its turn comes, for a minute.
	while (time.now() < 60_000) {
		const wait = pacer.waitFor(big);
		if (wait > 0) {
			time.advance(wait);
			continue;
		}

		pacer.starting(big);
		time.advance(1400);
		drawing += 1400;
		pacer.drawn(big, 1400);
	}

	assert.ok(drawing / time.now() <= 0.3 + 0.01, `big frames took ${Math.round(drawing / time.now() * 100)}% of the time`);
	assert.ok(drawing / time.now() >= 0.25, 'and they are not starved either');
});

test('what a cell costs is learnt from the frames drawn: a screen that turns out cheap is no longer held', () => {
	const time = clock();
	const pacer = new FramePacer({share: 0.3, smallMs: 50}, time.now);
	const medium = 200 * 60;
	pacer.starting(big);
	time.advance(1400);
	pacer.drawn(big, 1400);
	assert.ok(pacer.waitFor(medium) === 0, `${medium} cells at the first estimate are a small frame`);
	for (let frame = 0; frame < 20; frame++) {
		time.advance(10_000);
		pacer.drawn(medium, 120);
	}

	pacer.starting(medium);
	time.advance(120);
	pacer.drawn(medium, 120);
	assert.ok(pacer.waitFor(medium) > 0, 'frames of 120 ms are big: they wait');
});

test('a small screen is never held and teaches nothing: slow small frames (a flood, a pause for garbage collection) do not make a newcomer wait', () => {
	const time = clock();
	const pacer = new FramePacer({share: 0.3, smallMs: 50}, time.now);
	pacer.starting(big);
	time.advance(1400);
	pacer.drawn(big, 1400);
	for (let frame = 0; frame < 50; frame++) {
		pacer.drawn(80 * 24, 300);
	}

	assert.equal(pacer.waitFor(small), 0);
	assert.equal(pacer.waitFor(200 * 60), 0, '12,000 cells are still costed at what big screens showed');
});
