import assert from 'node:assert/strict';
import {test} from 'node:test';
import {referenceText, terminalText, words} from './reference-text.js';

test('the reference text is the HTML\'s text content, entities decoded, blocks apart', () => {
	assert.equal(words(referenceText('<p>It&rsquo;s <em>a</em>&amp;<strong>b</strong></p>\n<p>c&copy d</p><div>e</div>f<br />g')), 'It’s a&b c© d e f g');
	assert.equal(words(referenceText('<pre><code class="language-js">x &lt; 1\n</code></pre>')), 'x < 1');
	assert.equal(words(referenceText('<a href="/u" title="t">link</a> <span data-x="a>b">in</span>line')), 'link inline');
});

test('comments, processing instructions, declarations, CDATA, scripts and styles have no text', () => {
	assert.equal(words(referenceText('a<!-- c -->b <!--> c <!---> d <?php x ?> <!DOCTYPE html> <![CDATA[z]]> <script>s()</script><style>p{}</style>e')), 'ab c d e');
});

test('list markers, task boxes, deep heading marks, images and addresses are added where the HTML has them', () => {
	assert.equal(words(referenceText('<ul>\n<li>a</li>\n<li><input checked="" disabled="" type="checkbox"> b</li>\n</ul>\n<ol start="3">\n<li>c</li>\n<li><p><input disabled="" type="checkbox"> d</p></li>\n</ol>')), '• a ☑ b 3. c 4. ☐ d');
	assert.equal(words(referenceText('<h2>two</h2><h4>four</h4>')), 'two #### four');
	assert.equal(words(referenceText('<img src="/f%C3%B6%C3%B6.png" alt="a &amp; b" /> <img src="x.png" alt="" />')), '[image: a & b] /föö.png [image] x.png');
	const links = '<a href="https://e.example/%C3%A9">site</a> <a href="https://e.example">https://e.example</a> <a href="mailto:a@b.c">a@b.c</a> <a href="/rel">rel</a>';
	assert.equal(words(referenceText(links, {urls: true})), 'site (https://e.example/é) https://e.example a@b.c rel');
	assert.equal(words(referenceText(links)), 'site https://e.example a@b.c rel');
});

test('our text loses only its own marks: code labels and box drawing; deeper bullets are one', () => {
	assert.equal(words(terminalText(['Title', '═════', '', '╭─ js ───╮', '│ x = 1; │', '╰────────╯', '│ quote', '  ◦ deep', '    ▪ deeper', '┌───┬───┐', '│ a │ b │', '└───┴───┘', '───'])), 'Title x = 1; quote • deep • deeper a b');
});
