export type LinkKind = 'anchor' | 'post' | 'external';

/** A link found while rendering, before its place on the page is known. */
export type LinkRecord = {text: string; target: string; kind: LinkKind; image?: boolean; /** Its OSC 8 URL once worked out ('' for none). */ url?: string};

const scheme = /^[a-z][a-z\d+.-]*:/i;

/** `#id` stays in the post, a URL with a scheme (or `//host`) leaves the blog, anything else names another post. */
export function linkKind(target: string): LinkKind {
	if (target.startsWith('#')) {
		return 'anchor';
	}

	return scheme.test(target) || target.startsWith('//') ? 'external' : 'post';
}

/**
 * The URL to put in an OSC 8 hyperlink, or undefined when the target may not become one: only
 * http, https and mailto do. Anything outside printable ASCII is percent-encoded so the sequence
 * cannot be cut short.
 */
export function hyperlinkTarget(target: string): string | undefined {
	if (!/^(?:https?:\/\/|mailto:)/i.test(target)) {
		return undefined;
	}

	return target.replace(/[^\u0021-\u007E]/gu, character => encodeURIComponent(character));
}
