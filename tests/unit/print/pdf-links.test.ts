import { describe, expect, it } from 'vitest';
import { pdfLinks, pruneMissingPdfLinks } from '../../../src/lib/print/pdf-links.ts';

const page = (items: string) =>
	`<main><h1>x</h1><section aria-labelledby="downloads" class="no-print" data-pdf-downloads><h2 id="downloads">下载PDF</h2><ul class="downloads">${items}</ul></section><p>after</p></main>`;
const hans = '<li><a href="/pdf/a-1.zh-hans.pdf" hreflang="zh-Hans" data-pdf="hans">第1期 PDF（简体）</a></li>';
const hant = '<li><a href="/pdf/a-1.zh-hant.pdf" hreflang="zh-Hant" data-pdf="hant">第1期 PDF（繁體）</a></li>';

describe('pruneMissingPdfLinks', () => {
	it('leaves the page as it is when every PDF exists', () => {
		const html = page(hans + hant);
		expect(pruneMissingPdfLinks(html, () => true)).toBe(html);
	});

	it('drops only the links whose PDF is missing', () => {
		const pruned = pruneMissingPdfLinks(page(hans + hant), (href) => href.endsWith('zh-hans.pdf'));
		expect(pdfLinks(pruned)).toEqual(['/pdf/a-1.zh-hans.pdf']);
		expect(pruned).toContain('data-pdf-downloads');
	});

	it('drops the whole downloads section when no PDF exists, and nothing else', () => {
		const pruned = pruneMissingPdfLinks(page(hans + hant), () => false);
		expect(pruned).toBe('<main><h1>x</h1><p>after</p></main>');
	});

	it('ignores PDF links outside a downloads section', () => {
		const html = `<p><a href="/pdf/a-1.zh-hans.pdf">x</a></p>`;
		expect(pruneMissingPdfLinks(html, () => false)).toBe(html);
	});
});
