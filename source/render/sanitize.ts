// C0 controls except newline, DEL, C1 controls, and bidi embeddings/overrides/isolates.
const forbidden = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Makes untrusted text safe to print: no control characters can reach the terminal. Tabs become spaces. */
export function sanitize(text: string): string {
	return text.replace(/\t/g, '    ').replace(forbidden, '');
}
