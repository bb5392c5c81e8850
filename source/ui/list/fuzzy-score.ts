/** How one typed word sits in one field: its quality (0–1] and the characters to highlight. */
export type WordMatch = {quality: number; indexes: number[]};

// A word longer than this is matched as a substring only: nobody types one, and a paste must stay cheap.
const longestFuzzyWord = 32;
// Only this much of a field is searched: a description can be a scraped page's whole first paragraph.
const searchedLength = 2000;

const remapped = new Map<string, string>();

/** One character for one: lower case without accents, so indexes into the folded text stay indexes into the field. */
function foldCharacter(character: string): string {
	let folded = remapped.get(character);
	if (folded === undefined) {
		const lower = character.toLowerCase();
		const bare = lower.normalize('NFKD').replace(/[\u0300-\u036F]/g, '');
		folded = bare.length === 1 ? bare : (lower.length === 1 ? lower : character);
		remapped.set(character, folded);
	}

	return folded;
}

export function fold(text: string): string {
	return /^[\u0000-\u007F]*$/.test(text) ? text.toLowerCase() : text.replace(/[\s\S]/g, character => (character < '\u0080' ? character.toLowerCase() : foldCharacter(character)));
}

function isWordChar(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code > 127;
}

/** Whether a run starting at `index` starts a word: after a non-letter, or a capital after a lower-case letter (camelCase). */
function startsWord(text: string, index: number): boolean {
	if (index === 0) {
		return true;
	}

	const previous = text.charCodeAt(index - 1);
	const code = text.charCodeAt(index);
	return !isWordChar(previous) || (previous >= 97 && previous <= 122 && code >= 65 && code <= 90);
}

/**
 * How many runs of letters not starting a word a match may have, for a word of `length`: none for
 * up to three letters (`ssh` must not be s…s…h), one for a word up to seven, two beyond.
 */
function allowedStrays(length: number): number {
	return length <= 3 ? 0 : (length <= 7 ? 1 : 2);
}

/** Where `chunk` is first found from `from`, at a word start if it is anywhere at one. */
function placeChunk(chunk: string, text: string, folded: string, from: number): number {
	const first = folded.indexOf(chunk, from);
	for (let at = first; at !== -1; at = folded.indexOf(chunk, at + 1)) {
		if (startsWord(text, at)) {
			return at;
		}
	}

	return first;
}

/**
 * Matches `word` as a few runs, left to right, each the longest piece of what is left of the word
 * that the text still holds (at a word start when it can). Greedy and linear, with native
 * `indexOf` doing the scanning: a keystroke filters 100,000 posts.
 */
function runsOf(word: string, text: string, folded: string): WordMatch | undefined {
	const maxRuns = Math.max(2, Math.ceil(word.length / 2));
	const indexes: number[] = [];
	let runs = 0;
	let strays = 0;
	let from = 0;
	for (let start = 0; start < word.length;) {
		let length = 1;
		let at = placeChunk(word.slice(start, start + 1), text, folded, from);
		if (at === -1) {
			return undefined;
		}

		while (start + length < word.length) {
			const longer = placeChunk(word.slice(start, start + length + 1), text, folded, from);
			if (longer === -1) {
				break;
			}

			length++;
			at = longer;
		}

		runs++;
		strays += startsWord(text, at) ? 0 : 1;
		// One run is a plain substring, always fine; more must be word starts (initials) or few strays.
		if (runs > 1 && (strays > allowedStrays(word.length) || runs > maxRuns)) {
			return undefined;
		}

		for (let offset = 0; offset < length; offset++) {
			indexes.push(at + offset);
		}

		start += length;
		from = at + length;
	}

	return {quality: 1 - (0.1 * (runs - 1)) - (0.1 * strays), indexes};
}

function adjacentSwaps(word: string): string[] {
	const swaps: string[] = [];
	for (let index = 0; index + 1 < word.length; index++) {
		if (word[index] !== word[index + 1]) {
			swaps.push(word.slice(0, index) + word[index + 1]! + word[index]! + word.slice(index + 2));
		}
	}

	return swaps;
}

/** `word` in one piece, best at a word start. */
function whole(word: string, text: string, folded: string, quality: number): WordMatch | undefined {
	const at = placeChunk(word, text, folded, 0);
	return at === -1 ? undefined : {quality: startsWord(text, at) ? quality : quality - 0.1, indexes: Array.from({length: word.length}, (_, offset) => at + offset)};
}

/**
 * Where a typed word (folded, no spaces) matches `text`: its letters in order, in few runs that
 * start words, else whole with two neighbouring letters swapped (`feild`), which counts for less.
 */
export function matchWord(word: string, text: string, folded: string = fold(text)): WordMatch | undefined {
	const field = text.length > searchedLength ? text.slice(0, searchedLength) : text;
	const foldedField = folded.length > searchedLength ? folded.slice(0, searchedLength) : folded;
	if (word.length > longestFuzzyWord) {
		return whole(word, field, foldedField, 1);
	}

	const match = runsOf(word, field, foldedField);
	if (match || word.length < 4) {
		return match;
	}

	// A slip of the fingers, not a second chance for scattered letters: the swapped word must be there whole.
	for (const swapped of adjacentSwaps(word)) {
		const typo = whole(swapped, field, foldedField, 0.7);
		if (typo) {
			return typo;
		}
	}

	return undefined;
}
