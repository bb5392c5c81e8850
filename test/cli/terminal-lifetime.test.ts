import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {test} from 'node:test';

// A child that keeps itself busy forever (as a UI does), with the handlers on its standard input.
const script = `import {exitWhenTerminalGoes} from ${JSON.stringify(new URL('../../source/cli/terminal-lifetime.ts', import.meta.url).href)};
	exitWhenTerminalGoes(process.stdin, () => process.stderr.write('restored'));
	process.stdin.on('readable', () => { while (process.stdin.read() !== null); });
	setInterval(() => {}, 1000);
	process.stderr.write('ready');`;

async function child(): Promise<{process: ReturnType<typeof spawn>; stderr: () => string; exit: Promise<unknown[]>}> {
	const running = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {stdio: ['pipe', 'ignore', 'pipe']});
	let stderr = '';
	running.stderr.on('data', (data: Buffer) => {
		stderr += data.toString('utf8');
	});
	const exit = once(running, 'exit');
	while (!stderr.includes('ready')) {
		await new Promise(resolve => setTimeout(resolve, 20));
	}

	return {process: running, stderr: () => stderr, exit};
}

test('the end of input (the terminal went away) restores, then exits 129', {timeout: 30_000}, async () => {
	const running = await child();
	running.process.stdin!.end();
	assert.deepEqual(await running.exit, [129, null]);
	assert.match(running.stderr(), /restored/);
});

test('SIGHUP and SIGTERM restore, then exit 129 and 143', {timeout: 30_000}, async () => {
	for (const [signal, status] of [['SIGHUP', 129], ['SIGTERM', 143]] as const) {
		const running = await child();
		running.process.kill(signal);
		assert.deepEqual(await running.exit, [status, null], signal);
		assert.match(running.stderr(), /restored/, signal);
	}
});
