import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** A small deterministic generator, so every run measures the same text. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const words = ('the a of terminal reader post markdown render frame list heading code table quick lazy '
	+ 'keyboard session latency buffer width column colour theme pager scroll search filter tag date '
	+ 'library index cache worker stream layout wrap unicode emoji 漢字 café naïve résumé build bundle')
	.split(' ');
const tags = ['notes', 'rust', 'typescript', 'terminal', 'design', 'travel', 'cooking', 'ops', 'release', 'essay', 'tools', 'linux'];

type Pick = <T>(items: readonly T[]) => T;

function helpers(seed: number) {
	const next = random(seed);
	const pick: Pick = items => items[Math.floor(next() * items.length)]!;
	const sentence = (length: number) => {
		const chosen = Array.from({length}, () => pick(words));
		const first = chosen[0]!;
		chosen[0] = first[0]!.toUpperCase() + first.slice(1);
		return chosen.join(' ') + '.';
	};

	const inline = (length: number) => sentence(length).split(' ').map((word, index) => {
		const roll = next();
		if (index === 0 || roll > 0.12) {
			return word;
		}

		if (roll < 0.03) {
			return `**${word}**`;
		}

		if (roll < 0.06) {
			return `*${word}*`;
		}

		if (roll < 0.09) {
			return `\`${word}\``;
		}

		return `[${word}](https://example.com/${word})`;
	}).join(' ');
	const paragraph = () => Array.from({length: 3 + Math.floor(next() * 4)}, () => inline(8 + Math.floor(next() * 10))).join(' ');
	return {next, pick, sentence, inline, paragraph};
}

function block(h: ReturnType<typeof helpers>, headingNumber: number): string {
	const roll = h.next();
	if (roll < 0.12) {
		return `${'#'.repeat(2 + Math.floor(h.next() * 2))} ${h.sentence(4).slice(0, -1)} ${headingNumber}`;
	}

	if (roll < 0.24) {
		return Array.from({length: 3 + Math.floor(h.next() * 4)}, (_, index) => (index % 3 === 2 ? `  - ${h.inline(6)}` : `- ${h.inline(7)}`)).join('\n');
	}

	if (roll < 0.3) {
		return Array.from({length: 4}, (_, index) => `${index + 1}. ${h.inline(6)}`).join('\n');
	}

	if (roll < 0.38) {
		const language = h.pick(['ts', 'js', 'sh', 'rust', 'python', '']);
		const code = Array.from({length: 4 + Math.floor(h.next() * 8)}, (_, index) => `${'  '.repeat(index % 3)}const ${h.pick(words.slice(0, 20))}${index} = compute(${index}, "${h.pick(words)}"); // ${h.pick(words)}`);
		return `\`\`\`${language}\n${code.join('\n')}\n\`\`\``;
	}

	if (roll < 0.43) {
		const header = '| Name | Value | Notes | Status |\n|---|---:|---|:---:|';
		const rows = Array.from({length: 3 + Math.floor(h.next() * 5)}, (_, index) => `| ${h.pick(words)} | ${index * 17} | ${h.sentence(5)} | ${h.pick(['ok', 'slow', 'done'])} |`);
		return [header, ...rows].join('\n');
	}

	if (roll < 0.48) {
		return `> ${h.inline(12)}\n> ${h.inline(9)}`;
	}

	return h.paragraph();
}

/** A post of about `bytes` bytes of Markdown with frontmatter. */
export function generatePost(seed: number, bytes: number): string {
	const h = helpers(seed);
	const year = 2010 + (seed % 16);
	const month = String(1 + (seed % 12)).padStart(2, '0');
	const day = String(1 + (seed % 28)).padStart(2, '0');
	const postTags = [...new Set([h.pick(tags), h.pick(tags), h.pick(tags)])];
	const parts = [
		'---',
		`title: "${h.sentence(3 + Math.floor(h.next() * 5)).slice(0, -1)} ${seed}"`,
		`date: ${year}-${month}-${day}`,
		`tags: [${postTags.join(', ')}]`,
		`description: "${h.sentence(12)}"`,
		'---',
		'',
	];
	let size = parts.join('\n').length;
	let headingNumber = 0;
	while (size < bytes) {
		const next = block(h, headingNumber++);
		parts.push(next, '');
		size += Buffer.byteLength(next) + 2;
	}

	return parts.join('\n');
}

/** Writes `count` posts of about 5 KB into `folder` (in sub-folders, as blogs are often laid out). */
export function writePosts(folder: string, count: number): void {
	for (let index = 0; index < count; index++) {
		const directory = path.join(folder, String(2010 + (index % 16)));
		if (index < 16) {
			mkdirSync(directory, {recursive: true});
		}

		writeFileSync(path.join(directory, `post-${index}.md`), generatePost(index + 1, 5000));
	}
}
