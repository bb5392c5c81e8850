/**
 * MDX files open with `import`/`export` statements (Astro, Next.js). MDX reads a block that starts
 * with one of those words as JavaScript up to the next blank line; a reader should see none of it,
 * and it must not become the post's description. Code fences are left alone.
 */
export function stripMdxEsm(body: string): string | undefined {
	if (!/^(import|export)\s/m.test(body)) {
		return undefined;
	}

	const lines = body.split('\n');
	const kept: string[] = [];
	let fence: string | undefined;
	let inEsm = false;
	let previousBlank = true;
	for (const line of lines) {
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence !== undefined) {
			if (marker?.startsWith(fence)) {
				fence = undefined;
			}

			kept.push(line);
			continue;
		}

		if (inEsm) {
			inEsm = line.trim() !== '';
			continue;
		}

		if (previousBlank && /^(import|export)\s/.test(line)) {
			inEsm = true;
			continue;
		}

		if (marker) {
			fence = marker;
		}

		previousBlank = line.trim() === '';
		kept.push(line);
	}

	const stripped = kept.join('\n').replace(/^\n+/, '');
	return stripped === body ? undefined : stripped;
}
