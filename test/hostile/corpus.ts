/** Escape sequences and characters a post must never get to a reader's terminal, raw and entity-encoded. */
export const payloads: Record<string, string> = {
	'raw ESC and BEL': 'a\u001Bb\u0007c',
	'OSC 0 title': '\u001B]0;pwned-title\u0007',
	'OSC 2 title, ST-terminated': '\u001B]2;pwned-title\u001B\\',
	'OSC 52 clipboard': '\u001B]52;c;cm0gLXJmIH4=\u0007',
	'OSC 8 javascript link': '\u001B]8;;javascript:alert(1)\u0007click\u001B]8;;\u0007',
	'DCS request': '\u001BP+q544e\u001B\\',
	'cursor position report': '\u001B[6n',
	'alternate screen': '\u001B[?1049h',
	'clear screen': '\u001B[2J\u001B[H',
	'C1 CSI and OSC': '\u009B6n\u009D0;pwned-title\u009C',
	'entity ESC': '&#27;]0;pwned-title&#7;',
	'entity C1 CSI': '&#x9b;6n',
	'entity hex ESC': '&#x1b;[6n&#x1B;[?1049h',
	'bidi override': 'abc\u202Egnp.exe\u202C',
	'entity bidi': 'abc&#x202e;gnp.exe&#8236;',
	'bidi isolate': '\u2066x\u2069',
	'DEL and CR': 'over\u007Fwrite\rnow',
};

/** Where in a post a payload is placed. */
export type Placement = 'body' | 'code block' | 'inline code' | 'link text' | 'link target' | 'heading' | 'title' | 'tags' | 'description' | 'author' | 'file name';

export const placements: Placement[] = ['body', 'code block', 'inline code', 'link text', 'link target', 'heading', 'title', 'tags', 'description', 'author', 'file name'];

function yamlString(value: string): string {
	return JSON.stringify(value);
}

/** A post file (name and text) carrying `payload` at `placement`. */
export function hostilePost(payload: string, placement: Placement, index: number): {name: string; text: string} {
	const field = (key: string, fallback: string) => (placement === key ? yamlString(payload) : yamlString(fallback));
	const text = [
		'---',
		`title: ${field('title', `Hostile post ${index}`)}`,
		`tags: [${field('tags', 'safe')}, other]`,
		`description: ${field('description', 'A description.')}`,
		`author: ${field('author', 'Someone')}`,
		'date: 2024-05-06',
		'---',
		'',
		placement === 'heading' ? `## Heading ${payload}` : '## A heading',
		'',
		placement === 'body' ? `Text before ${payload} text after.` : 'Plain text.',
		'',
		placement === 'inline code' ? `Some \`${payload}\` code.` : '',
		'',
		placement === 'link text' ? `A [link ${payload} here](https://example.com/).` : '',
		placement === 'link target' ? `A [link](${payload.replaceAll(/[\s()]/g, '')}) and <${payload.replaceAll(/[\s<>]/g, '')}>.` : '',
		'',
		...(placement === 'code block' ? ['```js', `const x = "${payload}";`, '```', '', '```', payload, '```'] : []),
		'',
	].join('\n');
	const name = placement === 'file name' ? `evil-${index}-${payload.replaceAll('/', '').replaceAll('\0', '')}.md` : `post-${index}.md`;
	return {name, text};
}
