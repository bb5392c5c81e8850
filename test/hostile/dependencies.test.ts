import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';

type Lock = {packages: Record<string, {version?: string}>};

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as Lock;

function atLeast(version: string, minimum: string): boolean {
	const a = version.split(/[.-]/).map(Number);
	const b = minimum.split('.').map(Number);
	for (let index = 0; index < 3; index++) {
		if ((a[index] ?? 0) !== (b[index] ?? 0)) {
			return (a[index] ?? 0) > (b[index] ?? 0);
		}
	}

	return true;
}

/** Every copy of `name` the lockfile installs, wherever it is nested. */
function versionsOf(name: string): string[] {
	return Object.entries(lock.packages)
		.filter(([location]) => location === `node_modules/${name}` || location.endsWith(`/node_modules/${name}`))
		.map(([, entry]) => entry.version ?? '0.0.0');
}

// Known-bad versions: marked's ReDoS and infinite-loop fixes, js-yaml's code execution and
// prototype issues, ssh2's command injection in its helpers.
const minimums: Array<[string, string, boolean]> = [
	['marked', '18.0.7', true],
	['js-yaml', '3.15.2', true],
	['ssh2', '1.15.0', false],
];

for (const [name, minimum, required] of minimums) {
	test(`the lockfile has no ${name} below ${minimum}`, () => {
		const versions = versionsOf(name);
		if (required) {
			assert.ok(versions.length > 0, `${name} is expected in the lockfile`);
		}

		for (const version of versions) {
			assert.ok(atLeast(version, minimum), `${name}@${version} is below ${minimum}`);
		}
	});
}

test('the version comparison orders versions numerically', () => {
	assert.ok(atLeast('18.0.10', '18.0.7'));
	assert.ok(!atLeast('18.0.6', '18.0.7'));
	assert.ok(!atLeast('3.14.9', '3.15.2'));
	assert.ok(atLeast('4.1.0', '3.15.2'));
});
