import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {textWidth} from '../../source/render/text-width.js';

test('textWidth agrees with string-width on every BMP character, alone and between letters', () => {
	const differ: string[] = [];
	for (let code = 0x20; code < 0x1_00_00; code++) {
		if (code >= 0xD8_00 && code <= 0xDF_FF) {
			continue;
		}

		const character = String.fromCodePoint(code);
		if (textWidth(character) !== stringWidth(character) || textWidth(`a${character}b`) !== stringWidth(`a${character}b`)) {
			differ.push(code.toString(16));
		}
	}

	assert.deepEqual(differ, []);
});

test('textWidth of emoji, flags, combining marks and variation selectors', () => {
	for (const text of ['😀', '👍🏽', '🇫🇷', 'e\u0301', '☑\uFE0F', '👩‍👩‍👧', 'a漢字b', 'x\u200By']) {
		assert.equal(textWidth(text), stringWidth(text), JSON.stringify(text));
	}
});
