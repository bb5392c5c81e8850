import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {loadLibrary} from '../../source/content/load-library.js';
import {parseDate} from '../../source/content/parse-date.js';

const originalZone = process.env['TZ'];
after(() => {
	if (originalZone === undefined) {
		delete process.env['TZ'];
	} else {
		process.env['TZ'] = originalZone;
	}
});

describe('parseDate', () => {
	const cases: Array<[unknown, string | undefined]> = [
		['2024-01-05', '2024-01-05'],
		['2024-1-5', '2024-01-05'],
		['2024/01/05', '2024-01-05'],
		['2024-01-05T10:30:00Z', '2024-01-05T10:30:00Z'],
		['2024-01-05T10:30:00.250Z', '2024-01-05T10:30:00Z'],
		['2024-01-05 10:30', '2024-01-05T10:30:00Z'],
		['2024-01-05T23:30:00-08:00', '2024-01-05T23:30:00-08:00'],
		['2024-01-05T10:30:00+0530', '2024-01-05T10:30:00+05:30'],
		['2013/7/13 20:46:25', '2013-07-13T20:46:25Z'],
		['2/10/2024', '2024-02-10'],
		['25/12/2024', '2024-12-25'],
		['Jun 04 2023', '2023-06-04'],
		['June 4, 2023', '2023-06-04'],
		['4 June 2023', '2023-06-04'],
		['Sept. 9, 2021', '2021-09-09'],
		['Sunday, June 4th, 2023', '2023-06-04'],
		['Jan 5, 2024 8:05 pm', '2024-01-05T20:05:00Z'],
		['Fri, 05 Jan 2024 10:30:00 GMT', '2024-01-05T10:30:00Z'],
		[new Date(Date.UTC(2024, 0, 5)), '2024-01-05'],
		[new Date(Date.UTC(2024, 0, 5, 10, 30)), '2024-01-05T10:30:00Z'],
		[1_704_412_800, '2024-01-05'],
		['2024-02-30', undefined],
		['2023-02-29', undefined],
		['13/13/2024', undefined],
		['2024-01-05T25:00', undefined],
		['May 2024', undefined],
		['2024', undefined],
		[2024, undefined],
		['', undefined],
		['yesterday', undefined],
		['Invalid Date', undefined],
		[new Date(Number.NaN), undefined],
		[null, undefined],
		[{}, undefined],
		['2'.repeat(200), undefined],
	];
	for (const [value, iso] of cases) {
		test(`${String(value instanceof Date ? `Date ${Number.isNaN(value.getTime()) ? 'NaN' : value.toISOString()}` : JSON.stringify(value)).slice(0, 40)} → ${iso ?? 'undefined'}`, () => {
			assert.equal(parseDate(value)?.iso, iso);
		});
	}

	test('time is the exact moment, UTC midnight for a date-only value', () => {
		assert.deepEqual(parseDate('2024-01-05'), {iso: '2024-01-05', time: Date.UTC(2024, 0, 5)});
		assert.equal(parseDate('2024-01-05T23:30:00-08:00')?.time, Date.UTC(2024, 0, 6, 7, 30));
	});
});

describe('a date-only value is the same calendar day in every time zone', () => {
	const corpus = fileURLToPath(new URL('../fixtures/posts', import.meta.url));
	for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
		test(zone, async () => {
			process.env['TZ'] = zone;
			assert.equal(new Date(2024, 0, 5).getTimezoneOffset(), zone === 'America/Los_Angeles' ? 480 : zone === 'UTC' ? 0 : -840, 'the zone took effect');
			const library = await loadLibrary(corpus);
			const isoOf = (path: string) => library.posts.find(post => post.path === path)?.date?.iso;
			assert.equal(isoOf('dates/date-key.md'), '2024-01-05');
			assert.equal(isoOf('formats/toml-plus.md'), '2022-11-30');
			assert.equal(isoOf('dates/2019-03-07-jekyll-file-name.md'), '2019-03-07');
			assert.equal(isoOf('scraped/date-line.md'), '2024-02-10');
			assert.equal(isoOf('dates/offset.md'), '2024-01-05T23:30:00-08:00');
		});
	}
});
