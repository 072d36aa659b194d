/**
 * A case body's text for the search index keeps a <Zh> element's text in its sentence, as
 * the page shows it — on the fast path and through the MDX parse — while the conversion
 * checks' runs still leave <Zh> out (its other form is given by hand).
 */
import { describe, expect, it } from 'vitest';
import { textRunsOfMdx } from '../../../src/lib/convert/mdx-text.ts';
import { mdxPlainBody, plainBody } from '../../../src/lib/search/document.ts';
import { plainProse } from '../../../src/lib/search/plain-text.ts';

const sentence = '经县委常委会研究，<Zh hant="並">并</Zh>向市委组织部推荐“五面红旗”村。';
const shown = '经县委常委会研究，并向市委组织部推荐“五面红旗”村。';

describe('a body’s search text through <Zh> elements', () => {
	it('holds the whole sentence when the body is plain prose', () => {
		const body = `## 做法\n\n${sentence}\n`;
		expect(plainProse(body)).toBeDefined();
		expect(plainBody(body).split('\n')).toContain(shown);
	});

	it('holds the whole sentence when the body needs the MDX parse', () => {
		const body = `- 一是**红旗**评定：${sentence}\n\n**二是<Zh hans="着">著</Zh>力打造**示范片区。\n`;
		expect(plainProse(body)).toBeUndefined();
		expect(plainBody(body).split('\n')).toEqual([`一是红旗评定：${shown}`, '二是著力打造示范片区。']);
	});

	it('keeps a <Zh> on its own line as its own run', () => {
		expect(mdxPlainBody('研究。\n\n<Zh hant="並">\n并\n</Zh>\n\n推荐。')).toBe('研究。\n并\n推荐。');
	});

	it('leaves <Zh> out of the conversion checks’ runs, ending the run there', () => {
		expect(textRunsOfMdx(sentence).map((run) => run.text)).toEqual(['经县委常委会研究，', '向市委组织部推荐“五面红旗”村。']);
	});

	it('maps the <Zh> text to its place in the file', () => {
		const [run] = textRunsOfMdx(sentence, { inlineZh: true });
		const at = run!.text.indexOf('并');
		expect(sentence[run!.offsets[at]!]).toBe('并');
	});
});
