/** toScript: interface and frontmatter text in the page's script; short texts are converted once and remembered. */
import { describe, expect, it } from 'vitest';
import { siteConverter } from '../../../src/lib/convert/site-converter.ts';
import { toScript } from '../../../src/lib/i18n/script-text.ts';

describe('toScript', () => {
	const converter = siteConverter();
	const texts = ['头发干了', '發展', '台湾', '晒干后的稻谷', '典型经验做法摘编', `${'基层治理'.repeat(20)}后`];

	it('gives what the site converter gives, the first time and again, both ways', () => {
		for (const text of texts) {
			for (const [from, to] of [
				['hans', 'hant'],
				['hant', 'hans'],
			] as const) {
				const expected = converter.convert(text, from, to);
				expect(toScript(text, from, to)).toBe(expected);
				expect(toScript(text, from, to)).toBe(expected);
			}
		}
	});

	it('keeps a text in its own script, and the same text converted each way apart', () => {
		expect(toScript('头发', 'hans', 'hans')).toBe('头发');
		expect(toScript('头发', 'hans', 'hant')).toBe('頭髮');
		expect(toScript('頭髮', 'hant', 'hans')).toBe('头发');
		expect(toScript('头发', 'hant', 'hans')).toBe(converter.convert('头发', 'hant', 'hans'));
	});
});
