import matter from 'gray-matter';

export type Frontmatter = {data: Record<string, unknown>; body: string; warnings: string[]; error?: string};

function refuse(): never {
	throw new Error('JavaScript frontmatter is not run');
}

// Any options object turns gray-matter's content cache off; the javascript engine is replaced because
// gray-matter evals `---js` even with `engines: {js: false}`.
const options = {
	engines: {
		javascript: {parse: refuse},
		js: {parse: refuse},
	},
};

export function parseFrontmatter(text: string): Frontmatter {
	try {
		const parsed = matter(text, options as never);
		const data = parsed.data as unknown;
		if (data === null || typeof data !== 'object' || Array.isArray(data)) {
			return {data: {}, body: parsed.content, warnings: ['frontmatter is not a set of fields: ignored']};
		}

		return {data: data as Record<string, unknown>, body: parsed.content, warnings: []};
	} catch (error) {
		const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
		return {data: {}, body: text, warnings: [], error: `frontmatter: ${message}`};
	}
}
