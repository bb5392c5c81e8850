import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {decodeText} from '../../source/content/decode-text.js';
import {inferPreamble} from '../../source/content/infer-preamble.js';
import fc from 'fast-check';
import {mayHoldMojibake, repairMojibake} from '../../source/content/repair-mojibake.js';
import iconv from 'iconv-lite';
import {codePages} from '../../source/content/code-pages.js';
import {scanBody} from '../../source/content/outline.js';
import {restoreCollapsed as restoreScanned} from '../../source/content/restore-collapsed.js';
import {stripTemplateEnd} from '../../source/content/strip-template-end.js';
import {convertTemplateTags} from '../../source/content/convert-template-tags.js';
import {firstParagraph as firstOfScanned, readingMinutes} from '../../source/content/summarise-body.js';

const restoreCollapsed = (body: string) => restoreScanned(body, scanBody(body));
const firstParagraph = (body: string) => firstOfScanned(body, scanBody(body));

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('decodeText', () => {
	test('UTF-8 with and without BOM, UTF-16 with BOM, line ends', () => {
		assert.deepEqual(decodeText(new TextEncoder().encode('a\r\nb\rc\n')), {text: 'a\nb\nc\n', warnings: [], ascii: true});
		assert.deepEqual(decodeText(bytes(0xEF, 0xBB, 0xBF, 0x68, 0xC3, 0xA9)), {text: 'hé', warnings: [], ascii: false});
		assert.deepEqual(decodeText(bytes(0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00, 0x0D, 0x00, 0x0A, 0x00)), {text: 'hé\n', warnings: [], ascii: false});
		assert.deepEqual(decodeText(bytes(0xFE, 0xFF, 0x00, 0x68, 0x00, 0xE9)), {text: 'hé', warnings: [], ascii: false});
	});

	test('invalid UTF-8 is read as Windows-1252 with a warning; NUL means binary', () => {
		assert.deepEqual(decodeText(bytes(0x93, 0x68, 0x94, 0x20, 0x80, 0x20, 0xE9)), {text: '“h” € é', warnings: ['not valid UTF-8: read as Windows-1252'], ascii: false});
		assert.deepEqual(decodeText(bytes(0x68, 0x00, 0x69)), {binary: true});
		assert.deepEqual(decodeText(bytes(0xFF, 0xFE, 0x00, 0x00)), {binary: true});
	});
});

describe('repairMojibake', () => {
	const utf8 = (text: string) => new TextEncoder().encode(text);

	test('the byte search that skips the repair never misses text the repair would change', () => {
		// Any text, once its UTF-8 is misread as Windows-1252 and saved again as UTF-8.
		fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 30}), fc.string({unit: 'binary', maxLength: 30}), fc.constantFrom(...codePages), (plain, written, page) => {
			const mangled = Array.from(utf8(written), byte => page.characters[byte]!).join('');
			for (const text of [written, mangled, `${plain}${mangled}`]) {
				if (repairMojibake(text).repaired) {
					assert.ok(mayHoldMojibake(utf8(text)), JSON.stringify(text));
				}
			}
		}), {numRuns: 3000});
		assert.equal(mayHoldMojibake(utf8('Itâ€™s')), true);
		assert.equal(mayHoldMojibake(utf8('cafÃ©')), true);
		assert.equal(mayHoldMojibake(utf8('café naïve résumé 漢字 “quoted” — Ã alone')), false);
		assert.equal(mayHoldMojibake(utf8('Hi πŸ‘‹')), true);
	});

	test('reverses exact runs, leaves everything else alone', () => {
		assert.deepEqual(repairMojibake('Itâ€™s a cafÃ© â€” ðŸ˜€'), {text: 'It’s a café — 😀', repaired: true});
		assert.deepEqual(repairMojibake('São Paulo, “quoted”, Ã alone, naïve'), {text: 'São Paulo, “quoted”, Ã alone, naïve', repaired: false});
		assert.deepEqual(repairMojibake('Â\u0085 is a C1 control once reversed'), {text: 'Â\u0085 is a C1 control once reversed', repaired: false});
	});

	// What each page makes of UTF-8, made with iconv-lite here the way a misconfigured reader did it.
	const misread = (text: string, page: string) => iconv.decode(Buffer.from(text), page).replace(/\uFFFD/g, '');
	const sample = 'Héllo wörld — “quoted” → done ✓ 👋 Žluťoučký kůň, Привет, Καλημέρα, Ağaç, Ąžuolas';

	test('UTF-8 misread as each legacy code page is put back', () => {
		assert.deepEqual(repairMojibake('Hi πŸ‘‹ and then β†’ next'), {text: 'Hi 👋 and then → next', repaired: true}, 'Windows-1253, with Windows-1252 for its undefined bytes');
		for (const page of ['windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1257', 'iso-8859-1', 'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-9', 'iso-8859-13', 'iso-8859-15', 'iso-8859-16']) {
			const words = sample.split(' ').filter(word => iconv.decode(iconv.encode(misread(word, page), page), 'utf8') === word && misread(word, page) !== word);
			assert.ok(words.length >= 3, `${page}: ${words.join(' ')}`);
			const mangled = words.map(word => misread(word, page)).join(' ');
			assert.deepEqual(repairMojibake(mangled), {text: words.join(' '), repaired: true}, `${page}: ${mangled}`);
			assert.ok(mayHoldMojibake(utf8(mangled)), page);
		}
	});

	test('real Greek, Cyrillic, Turkish, Polish and Baltic text is left alone', () => {
		const real = [
			'Καλημέρα σας, ΣΆΛΑΣ και ΈΛΑ, ό,τι θέλετε — ελληνικά',
			'Привет, мир! Ёлка, ЎЗБЕК, Ђорђе, Љубљана и «кавычки», Він і Вілла',
			'Türkçe metin: ağaç, ışık, İstanbul, Şişli, öğrenci',
			'Zażółć gęślą jaźń, ćść, Łódź, Ąę',
			'Ąžuolas, Šiauliai, Rīga, Ķekava, Ņ ē ū',
			'naïve café résumé Ärger Ölfass Übermut ß ¼ ½ ¾',
			'ΣΆ'.repeat(1000),
		];
		for (const text of real) {
			assert.deepEqual(repairMojibake(text), {text, repaired: false}, text);
		}
	});
});

describe('restoreCollapsed', () => {
	test('leaves ordinary posts alone', () => {
		assert.equal(restoreCollapsed('## Heading\n\nText with C# and a ## in the middle.'), undefined);
		assert.equal(restoreCollapsed(`${'word '.repeat(80)} ## Only one marker here ${'word '.repeat(20)}`), undefined);
		assert.equal(restoreCollapsed(`## Real heading\n\n${'word '.repeat(80)} ## Two ## Markers`), undefined);
		assert.equal(restoreCollapsed(`\`\`\`\n${'code '.repeat(80)} ## Two ## Markers\n\`\`\`\n`), undefined, 'a long line in code is not collapsed prose');
	});

	test('Title Case and sentence case headings end where the first sentence starts', () => {
		const line = `${'Intro words here. '.repeat(20)}## Why It Matters Teams ship faster. ### Getting started with it You need a map. ## Next Steps`;
		assert.equal(restoreCollapsed(line), `${'Intro words here. '.repeat(20).trim()}\n\n## Why It Matters\n\nTeams ship faster.\n\n### Getting started with it\n\nYou need a map.\n\n## Next Steps`);
	});
});

describe('preamble of a pasted post', () => {
	test('title, byline date and read time are taken and removed', () => {
		assert.deepEqual(inferPreamble('Why Builds Got Faster\n\n*Jun 4, 2023* · 5 min read\n\nText.', {title: true, date: true, readingMinutes: true}), {
			body: 'Text.',
			title: 'Why Builds Got Faster',
			date: {iso: '2023-06-04', time: Date.UTC(2023, 5, 4)},
			readingMinutes: 5,
		});
	});

	test('a sentence is not a title, a date inside prose is not a date line, and unwanted fields stay', () => {
		assert.deepEqual(inferPreamble('This is a sentence.\n\nWe met on June 4, 2023 at noon.', {title: true, date: true, readingMinutes: true}), {body: 'This is a sentence.\n\nWe met on June 4, 2023 at noon.'});
		assert.deepEqual(inferPreamble('Title\n\n2024-01-15\n\nText.', {title: false, date: false, readingMinutes: true}), {body: 'Title\n\n2024-01-15\n\nText.'});
	});
});

describe('summaries', () => {
	test('the first real paragraph, plain, cut at a word boundary', () => {
		const long = `![cover](c.png)\n\n\`\`\`\ncode\n\`\`\`\n\n> quote\n\nJane Doe\n\nThe **first** real [paragraph](https://x.y) ${'goes on and on '.repeat(20)}`;
		const description = firstParagraph(long);
		assert.ok(description.startsWith('The first real paragraph goes on and on'));
		assert.ok(description.endsWith('on…'));
		assert.ok(description.length <= 200);
		assert.equal(firstParagraph('Jane Doe'), 'Jane Doe');
		assert.equal(firstParagraph('## Only a heading'), '');
		assert.equal(firstParagraph('```md\n~~~\nnot a fence here\n```\n\nThe real first paragraph, after a fence that shows a fence.\n'), 'The real first paragraph, after a fence that shows a fence.', 'the fence holding another fence marker hid it');
		assert.equal(firstParagraph('<!-- a\ncomment -->\n\n[![build](b.svg)](ci)\n\n> A quote.\n\nThe first paragraph that is prose.\n'), 'The first paragraph that is prose.');
	});

	test('reading time: words ÷ 230 (at least 1), CJK characters ÷ 500', () => {
		assert.equal(readingMinutes('word', 1), 1);
		assert.equal(readingMinutes('word '.repeat(1150), 1), 5);
		assert.equal(readingMinutes('字'.repeat(2500), 1), 5);
	});
});

describe('stripTemplateEnd', () => {
	test('only an unmatched backtick at the very end, outside code', () => {
		assert.deepEqual(stripTemplateEnd('Text.\n`;\n'), {body: 'Text.\n', dropped: '`;'});
		assert.deepEqual(stripTemplateEnd('Text.`\n'), {body: 'Text.\n', dropped: '`'});
		assert.equal(stripTemplateEnd('Run `ls`\n'), undefined);
		assert.equal(stripTemplateEnd('```\ncode `\n'), undefined);
		assert.equal(stripTemplateEnd('``\n'), undefined);
		assert.equal(stripTemplateEnd('`\n'), undefined);
	});
});

describe('convertTemplateTags', () => {
	const convert = (body: string) => convertTemplateTags(body)?.body;

	test('raw tags go (a tag alone on its line with its line), what they hold stays as written', () => {
		assert.equal(convert('A\n{% raw %}\n{% highlight x %}\n{% endraw %}\nC\n'), 'A\n{% highlight x %}\nC\n');
		assert.equal(convert('{%- raw -%}{{ a }}{%- endraw -%}'), '{{ a }}');
		assert.equal(convert('{% raw %}x{% endraw %}\n'.repeat(2000)), 'x\n'.repeat(2000));
		assert.equal(convert('Plain {{ money(amount=5) }} and {% include x.html %}.'), 'Plain \\[money: 5\\] and \\[include: x.html\\].');
		assert.equal(convert('{{ figure(alt="no image") }}'), '\\[figure: no image\\]');
		assert.equal(convert('Text\n\n{% aside(title="Why not *X*?") %}\nBecause of **Y**.\n\nAnd Z.\n{% end %}\n\nMore'), 'Text\n\n> **Why not \\*X\\*?**\n>\n> Because of **Y**.\n>\n> And Z.\n\nMore');
		assert.equal(convert('{% note info Heads up %}\nRead this.\n{% endnote %}'), '> **Heads up**\n>\n> Read this.');
		assert.equal(convert('{% note warning %}\nNo title.\n{% endnote %}'), '> No title.');
		assert.equal(convert('{% aside() %}\nnever closed'), '\\[aside\\]\nnever closed');
		assert.equal(convert('{{ video(video="posts/clip.m4v", width=400) }}'), '[video: clip.m4v](<posts/clip.m4v>)');
		assert.equal(convert('{% a() %}\n'.repeat(3000) + '{% end %}')?.split('\n')?.length, 2999, 'an open tag per line: only the last is closed, paired in one pass');
		assert.equal(convert('In [v3.7.0]({% link _posts/2018-01-02-jekyll-3-7-0-released.md %}) and [here]({% post_url 2014-08-10-imagenet %}).'), 'In [v3.7.0](jekyll-3-7-0-released) and [here](imagenet).');
		assert.equal(convert('{% asset_img generate-console.png "The console" %}'), '![The console](<generate-console.png>)');
		assert.equal(convert('{% raw %}{% post_url x %}{% endraw %}'), '{% post_url x %}');
		assert.equal(convert('Like `{% raw %}{% raw %}{% endraw %}` here'), 'Like `{% raw %}` here', 'inside raw only endraw ends it');
		assert.equal(convert('{{ float_svg(image="images/logo.svg", width=75, alt="A logo") }}'), '![A logo](<images/logo.svg>)');
		assert.equal(convert('Before\n\n{{ figure(image=\'a/b (1").png\',\n   width=303,\n   alt="A notification") }}\n\nAfter'), 'Before\n\n![A notification](<a/b (1").png>)\n\nAfter', 'over several lines, single quotes');
	});

	test('code tags are fenced code with their language; the code inside is left as written', () => {
		assert.equal(convert('{% highlight ruby linenos %}\nputs "{{ x }}"\n{% endhighlight %}'), '```ruby\nputs "{{ x }}"\n```');
		assert.equal(convert('{% codeblock Array.map lang:js http://x.org/map map docs %}\n[1].map(f)\n{% endcodeblock %}'), '```js\n[1].map(f)\n```');
		assert.equal(convert('{{< highlight go "linenos=table" >}}\nfmt.Println(1)\n{{< /highlight >}}'), '```go\nfmt.Println(1)\n```');
		assert.equal(convert('{% katex %}\nc = \\pm\\sqrt{a^2 + b^2}\n{% endkatex %}'), '```latex\nc = \\pm\\sqrt{a^2 + b^2}\n```');
	});

	test('paired shortcodes are quotes keeping their Markdown (tags inside converted), titled by their kind or title', () => {
		assert.equal(convert('{{% notice warning %}}\nDo **not** run this.\n{{% /notice %}}\nAfter'), '> **Warning**\n>\n> Do **not** run this.\nAfter');
		assert.equal(convert('{{< details summary="More" >}}\n{{< figure src="a.png" alt="A" >}}\n{{< /details >}}'), '> **More**\n>\n> ![A](<a.png>)');
		assert.equal(convert('{% note() %}\nOuter\n{% note() %}\nInner\n{% end %}\n{% end %}'), '> Outer\n> > Inner', 'nested asides pair innermost first');
		assert.equal(convert('Text\n{% comment %}\nTODO: **draft**\n{% endcomment %}\nMore'), 'Text\nMore', 'a Liquid comment block shows nothing');
	});

	test('embeds are labelled links; pictures and audio keep their caption', () => {
		assert.equal(convert('{{< youtube dQw4w9WgXcQ >}}'), '[YouTube video](<https://www.youtube.com/watch?v=dQw4w9WgXcQ>)');
		assert.equal(convert('{{ youtube(id="dQw4w9WgXcQ", class="wide") }}'), '[YouTube video](<https://www.youtube.com/watch?v=dQw4w9WgXcQ>)');
		assert.equal(convert('{{< vimeo id="146022717" title="A talk" >}}'), '[Vimeo video: A talk](<https://vimeo.com/146022717>)');
		assert.equal(convert('{{< tweet user="jack" id="20" >}}'), '[tweet](<https://twitter.com/jack/status/20>)');
		assert.equal(convert('{{< gist spf13 7896402 >}}'), '[gist](<https://gist.github.com/spf13/7896402>)');
		assert.equal(convert('{{ audio(src="posts/fan.mp3", caption="Listen to the fan.") }}'), '[audio: Listen to the fan.](<posts/fan.mp3>)');
		assert.equal(convert('{% include figure.html image="/img/a.png" caption="A chart" %}'), '![A chart](</img/a.png>)');
	});

	test('site variables in a link address go (a literal through URL filters stays), so the link still resolves', () => {
		assert.equal(convert('[roadmap]: {{ site.repository }}/issues/915'), '[roadmap]: /issues/915');
		assert.equal(convert('See [themes]({{ "/docs/themes/#assets" | relative_url }}) and [new]({{ site.baseurl }}/new/).'), 'See [themes](/docs/themes/#assets) and [new](/new/).');
		assert.equal(convert('<img src="{{ site.baseurl }}/a.png">'), '<img src="/a.png">');
		assert.equal(convert('[post]({{< ref "posts/first.md#setup" >}})'), '[post](first#setup)');
		assert.equal(convert('Welcome to {{ site.title }}!'), 'Welcome to \\[site.title\\]!', 'in prose: a placeholder');
		assert.equal(convert('Hello {{name}}, as a Mustache example in prose.'), undefined, 'a bare name in braces may be any text');
		assert.equal(convert('Fixed ([#1338]({{ site.repository\n}}/issues/1338)).\nI paid {{ money(amount=1079)\n}} for it.'), 'Fixed ([#1338](/issues/1338)).\nI paid \\[money: 1079\\] for it.', 'a tag cut by a line break');
	});

	test('Liquid logic goes with its lines; other tags are placeholders, counted', () => {
		assert.deepEqual(convertTemplateTags('{% assign n = "1|2" | split: "|" %}\n{% for i in n %}\n[#{{ i }}]: /issues\n{% endfor %}\n\n{% include nav.html %} {{ tweet_list() }}'), {
			body: '[#{{ i }}]: /issues\n\n\\[include: nav.html\\] \\[tweet\\_list\\]',
			placeholders: ['include', 'tweet_list'],
		});
	});

	test('never inside code: fenced, indented or a code span shows the tags as written', () => {
		const about = 'Use `{% include x.html %}` or `{{ site.baseurl }}`:\n\n```liquid\n{% highlight ruby %}\n{{ page.title }}\n{% endhighlight %}\n```\n\n    {{< youtube id >}}\n\nEnd.';
		assert.equal(convert(about), undefined);
		assert.equal(convert('> ```\n> {% note %}\n> ```\n{% note %}\nx\n{% endnote %}'), '> ```\n> {% note %}\n> ```\n> x', 'a tag in code in a quote is not paired with one outside');
		assert.equal(convert('Jekyll: `{% raw %}{{ site.baseurl }}{% endraw %}`'), 'Jekyll: `{{ site.baseurl }}`', 'raw tags go even in code: they are how Jekyll shows it');
	});
});
