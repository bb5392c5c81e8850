import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import yaml from 'js-yaml';
import {parseSimpleYaml} from '../../source/content/simple-yaml.js';

function full(raw: string): unknown {
	try {
		return yaml.load(raw, {schema: yaml.CORE_SCHEMA, json: true});
	} catch {
		return 'error';
	}
}

describe('parseSimpleYaml', () => {
	test('reads the common subset', () => {
		assert.deepEqual(parseSimpleYaml('title: Hello world\ndate: 2024-01-05\ntags: [a, "b c", \'d\']\ndraft: false\nweight: 10\nratio: 1.5\nnothing:\n# comment\ncategories:\n  - x\n  - y'), {
			title: 'Hello world', date: '2024-01-05', tags: ['a', 'b c', 'd'], draft: false, weight: 10, ratio: 1.5, nothing: null, categories: ['x', 'y'],
		});
	});

	test('leaves everything else to js-yaml', () => {
		for (const raw of ['title: Foo: Bar', 'title: "esc\\"aped"', 'a: &x 1', 'a: *x', 'a: |\n  block', 'a:\n  b: 1', 'title: x # comment', 'a: {b: 1}', 'a: [b, [c]]', 'a: 0x1F', 'a: .inf', '"quoted key": 1', 'a:\tb', 'tags:\n- a\n  b', 'a: 1_000']) {
			assert.equal(parseSimpleYaml(raw), undefined, raw);
		}
	});

	test('__proto__ is an own field, not a prototype', () => {
		const data = parseSimpleYaml('__proto__: polluted\ntitle: x')!;
		assert.equal(Object.getPrototypeOf(data), Object.prototype);
		assert.equal(Object.hasOwn(data, '__proto__'), true);
		assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
	});

	test('whatever it accepts, it reads exactly as js-yaml does (10,000 generated blocks)', () => {
		let seed = 11;
		const random = () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed / 2_147_483_648;
		};

		const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		const keys = ['title', 'date', 'tags', 'draft', 'a-b', '_x', 'ü', 'title', '2024', 'key with space'];
		const values = ['Hello', 'Hello world', '2024-01-05', '2024-01-05 10:30:00', '2/10/2024', 'true', 'False', 'yes', 'no', 'null', '~', '', '10', '-3', '+4', '007',
			'1.5', '.5', '1e3', '1.', '0x1F', '0o17', '.inf', '.NaN', 'C#', 'a #b', 'a: b', 'a:b', 'x:', '"q"', '"a, b"', '\'s\'', '\'it\'\'s\'', '"e\\"s"',
			'[a, b]', '[]', '[ a ,b ]', '[1, "2", true]', '[a, [b]]', '[a,,b]', '- x', '&a v', '*a', '!tag v', '|', '>', '{a: 1}', '@x', '`x`', '%x', '1_000',
			'12345678901234567890', 'x ', 'ünï', 'a - b', 'a,b', 'Jun 4, 2023', '"unclosed', 'trailing"'];
		let accepted = 0;
		for (let run = 0; run < 10_000; run++) {
			const lines: string[] = [];
			for (let line = 0; line < 1 + Math.floor(random() * 6); line++) {
				const shape = random();
				if (shape < 0.7) {
					lines.push(`${pick(keys)}:${random() < 0.1 ? '' : ' '}${pick(values)}`);
				} else if (shape < 0.85) {
					lines.push(`${pick(['', '  ', ' '])}- ${pick(values)}`);
				} else {
					lines.push(pick(['', '# note', '  indented', 'title:', ' key: v']));
				}
			}

			const raw = lines.join('\n');
			const simple = parseSimpleYaml(raw);
			if (simple !== undefined) {
				accepted++;
				// An empty block is null to js-yaml and no fields to both readers.
				assert.deepEqual(simple, full(raw) ?? {}, raw);
			}
		}

		assert.ok(accepted > 500, `the fast path took ${accepted} blocks`);
	});
});
