/** The page-weight report counts each downloaded byte once and gives the JavaScript budget every script. */
import { describe, expect, it } from 'vitest';
import { formatWeight, javascriptBytes, type PageWeight } from '../../../src/lib/bench/page-weight.ts';

const weight = (overrides: Partial<PageWeight>): PageWeight => ({
	requests: 3,
	html: 4096,
	css: 2048,
	js: 1024,
	fonts: 0,
	images: 0,
	other: 0,
	inlineJs: 0,
	failed: [],
	...overrides,
});

describe('page weight', () => {
	it('counts inline scripts toward the JavaScript budget', () => {
		expect(javascriptBytes(weight({ js: 1024, inlineJs: 512 }))).toBe(1536);
		expect(javascriptBytes(weight({ js: 0, inlineJs: 0 }))).toBe(0);
	});

	it('reports inline scripts as part of the HTML, not as extra bytes', () => {
		const line = formatWeight('case', weight({ inlineJs: 512 }));
		expect(line).toContain('html 4.0 KB (0.5 KB of it inline js)');
		expect(line).toContain('js 1.0 KB');
		expect(formatWeight('case', weight({}))).not.toContain('inline');
	});
});
