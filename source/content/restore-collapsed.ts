/**
 * Scrapers sometimes collapse a Markdown post into one long line: `Intro. ## Why It Matters Teams
 * ship… - one - two ### Next Steps …`. This puts the line breaks back before headings and list items.
 */

const minimumLength = 300;
// Scraped posts are articles, not megabytes: a longer line is left as it is.
const maximumLength = 200_000;
const headingMarker = /(?:^|\s)(#{1,6})\s+(?=\S)/g;
const lineStartHeading = /^ {0,3}#{1,6}[ \t]/m;
const joiners = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'as', 'vs', 'vs.', 'via', 'into', 'onto', 'over', 'your', 'my', 'our', 'its', 'is', 'are', 'not', 'up', 'out', '&', '-', '–', '—', '+', '/']);
const maxHeadingWords = 12;

function capitalised(word: string): boolean {
	return /^[\p{Lu}\p{N}"'“‘(`*_]/u.test(word);
}

// Words that start a sentence far more often than they sit inside a heading (`## Challenges While microservices…`).
const sentenceOpeners = new Set(['while', 'when', 'whether', 'if', 'although', 'though', 'however', 'this', 'these', 'those', 'it', 'it’s', 'it\'s', 'we', 'we’re', 'we\'re', 'you', 'you’re', 'you\'re', 'i', 'i’m', 'i\'m', 'our', 'many', 'most', 'some', 'there', 'here', 'today', 'now', 'because', 'since', 'once', 'unlike', 'let’s', 'let\'s']);
const bullet = new Set(['-', '*', '+']);

function isLower(word: string | undefined): boolean {
	return word !== undefined && /^\p{Ll}/u.test(word);
}

/** How many of `words` belong to the heading that starts the segment. */
function headingLength(words: string[]): number {
	const limit = Math.min(words.length, maxHeadingWords);
	// A list follows the heading: `### 1. Scalability - Scale services - Pay less`.
	const listAhead = words.filter(word => bullet.has(word)).length >= 2;
	for (let index = 1; index < limit; index++) {
		if (listAhead && bullet.has(words[index]!)) {
			return index;
		}

		// `Title Case Heading While microservices offer…`: the opener starts the first sentence.
		if (sentenceOpeners.has(words[index]!.toLowerCase()) && capitalised(words[index]!) && (isLower(words[index + 1]) || isLower(words[index + 2]))) {
			return index;
		}
	}

	for (let index = 0; index < limit; index++) {
		// `Step 1: Install`, `Why now?`, but not a sentence that runs on to a colon (`…benefits, they bring costs:`).
		if (/[,.;]$/.test(words[index]!)) {
			break;
		}

		if (/[:?!]$/.test(words[index]!) && index + 1 < words.length) {
			return index + 1;
		}
	}

	let run = 0;
	while (run < limit && (capitalised(words[run]!) || joiners.has(words[run]!.toLowerCase()))) {
		run++;
	}

	if (run === words.length) {
		return run;
	}

	if (run >= 2) {
		// Title Case: the last capital of the run starts the first sentence (`Why It Matters Teams ship`).
		let lastCapital = run - 1;
		while (lastCapital > 0 && !capitalised(words[lastCapital]!)) {
			lastCapital--;
		}

		return lastCapital > 0 && run < limit ? lastCapital : run;
	}

	// Sentence case: the heading runs until the next capitalised word (`Getting started with it You need…`).
	for (let index = 1; index < limit; index++) {
		if (capitalised(words[index]!)) {
			return index;
		}
	}

	return 1;
}

/** Breaks ` - a - b` and ` 1. a 2. b` runs (two items or more) into list lines. */
function restoreLists(text: string): string {
	const bullets = text.match(/(?:^|\s)[-*+]\s+(?=\S)/g);
	if (bullets && bullets.length >= 2) {
		text = text.replace(/(?:^|\s+)([-*+])\s+(?=\S)/g, '\n$1 ').replace(/^\n/, '');
	}

	const numbered = [...text.matchAll(/\s(\d{1,2})\.\s+(?=\S)/g)].map(match => Number(match[1]));
	if (numbered.length >= 2 && numbered.every((number, index) => number === numbered[0]! + index)) {
		text = text.replace(/\s+(\d{1,2})\.\s+(?=\S)/g, '\n$1. ');
	}

	// A list needs a blank line before it unless it starts the block.
	return text.replace(/^(?![-*+] |\d{1,2}\. )([^\n]+)\n(?=[-*+] |\d{1,2}\. )/, '$1\n\n');
}

function restoreLine(line: string): string {
	const parts: string[] = [];
	const markers = [...line.matchAll(headingMarker)];
	const lead = line.slice(0, markers[0]!.index).trim();
	if (lead !== '') {
		parts.push(restoreLists(lead));
	}

	for (const [index, marker] of markers.entries()) {
		const start = marker.index + marker[0].length;
		const end = markers[index + 1]?.index ?? line.length;
		const words = line.slice(start, end).trim().split(/\s+/);
		const length = headingLength(words);
		parts.push(`${marker[1]} ${words.slice(0, length).join(' ')}`);
		const rest = words.slice(length).join(' ');
		if (rest !== '') {
			parts.push(restoreLists(rest));
		}
	}

	return parts.join('\n\n');
}

/** Whether ` ##` appears anywhere (a search for `#` alone is a fast native scan; prose rarely has one). */
function hasInlineMarker(body: string): boolean {
	for (let index = body.indexOf('#'); index !== -1; index = body.indexOf('#', index + 2)) {
		if (body.charCodeAt(index + 1) === 35 && body.charCodeAt(index - 1) === 32) {
			return true;
		}
	}

	return false;
}

/** Restores a collapsed post, or returns undefined when the body does not look collapsed. */
export function restoreCollapsed(body: string): string | undefined {
	if (body.length < minimumLength || !hasInlineMarker(body)) {
		return undefined;
	}

	const lines = body.split('\n');
	const long = lines.findIndex(line => line.length >= minimumLength && line.length <= maximumLength && (line.match(/\s#{2,6}\s+\S/g)?.length ?? 0) >= 2);
	if (long === -1 || lines.some((line, index) => index !== long && lineStartHeading.test(line))) {
		return undefined;
	}

	lines[long] = restoreLine(lines[long]!);
	return lines.join('\n');
}
