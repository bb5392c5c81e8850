/**
 * Terminal replies that arrive after their question was given up on (an OSC 11 background colour
 * answered after the 100 ms wait, a DA1 over a slow SSH link) reach the app as input: unfiltered,
 * `\x1b]11;rgb:0000/0000/0000\x07` is Esc, `]`, and `/` opening the filter with `0000/0000` typed in.
 * A reader's keys never make these shapes, so they are dropped.
 */

const oscOpen = '\u001B]';
const stringTerminator = '\u001B\\';
const bell = '\u0007';
const da1Reply = /^\u001B\[\?[\d;]*c$/;
// What follows `\x1b]` in a reply (`11;`); Esc then `]` typed by a person is followed by anything else.
const oscPayload = /^\d{1,4};/;
// Past this a payload is not a reply: the keys are delivered again rather than swallowed for good.
const longestReply = 512;

/**
 * `opened`: the last read was `\x1b]`, held until the next read says whether it starts a reply
 * (or, when no read follows in the same chunk, delivered as the Esc and `]` it was).
 * `inside`: characters of a reply's payload seen so far.
 */
export type ReplyWatch = {opened: boolean; inside: number | undefined};

export const notWatching: ReplyWatch = {opened: false, inside: undefined};

export type ReplyStep = {
	watch: ReplyWatch;
	/** What the held `\x1b]` turned out to be, when this read decided it. */
	held?: 'keys' | 'reply';
	/** Whether this read is keys: all of it, none, or the text after a reply's end. */
	deliver: 'all' | 'none' | {after: string};
};

/** One read as Ink split it (`raw`), given what came before. */
export function watchReplies(watch: ReplyWatch, raw: string): ReplyStep {
	if (watch.opened) {
		const rest = watchReplies(oscPayload.test(raw) ? {opened: false, inside: 0} : notWatching, raw);
		return {...rest, held: oscPayload.test(raw) ? 'reply' : 'keys'};
	}

	if (watch.inside !== undefined) {
		if (raw === stringTerminator) {
			return {watch: notWatching, deliver: 'none'};
		}

		const end = raw.indexOf(bell);
		if (end !== -1) {
			const after = raw.slice(end + 1);
			return {watch: notWatching, deliver: after === '' ? 'none' : {after}};
		}

		const inside = watch.inside + raw.length;
		return inside > longestReply ? {watch: notWatching, deliver: 'all'} : {watch: {opened: false, inside}, deliver: 'none'};
	}

	if (raw === oscOpen) {
		return {watch: {opened: true, inside: undefined}, deliver: 'none'};
	}

	return {watch, deliver: da1Reply.test(raw) ? 'none' : 'all'};
}
