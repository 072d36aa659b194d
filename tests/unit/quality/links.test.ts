import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, firstOf } from '../../support/links.ts';

const dir = path.resolve(import.meta.dirname, '../../fixtures/quality/links');
const report = checkLinks({ dir, base: '/dxal/', siteUrl: 'https://www.example.gov.cn' });
const mentions = (lines: string[], text: string) => lines.some((line) => line.includes(text));

describe('checkLinks (the walk behind the link gate)', () => {
	it('reports a missing page, a missing #fragment, a missing image and srcset candidate, a missing font and a missing sitemap', () => {
		for (const target of [
			'/dxal/zh-hans/cases/b/',
			'#missing',
			'/dxal/_astro/missing.png',
			'missing@2x.png',
			'/dxal/_astro/missing.woff2',
			'sitemap-index.xml',
		]) {
			expect(mentions(report.broken, target), `${target} in ${JSON.stringify(report.broken)}`).toBe(true);
		}
		expect(report.broken).toHaveLength(6);
	});

	it('accepts relative links, existing fragments, CSS-relative URLs and the root redirect', () => {
		for (const fine of ['cases/a/ ', '#figures', '../favicon.svg', '../../', 'url=/dxal/zh-hans/']) expect(mentions(report.broken, fine)).toBe(false);
		expect(report.checked).toBeGreaterThanOrEqual(15);
	});

	it('reports a root-relative link that forgot the base', () => {
		expect(report.outsideBase).toEqual(['/dxal/zh-hans/ → /zh-hans/cases/a/ (<a href>): outside the base /dxal/']);
	});

	it('lists links and resources on other hosts without fetching them', () => {
		expect(report.external.map((r) => `${r.ref} ${r.via}`)).toEqual([
			'https://www.gov.cn/ <a href>',
			'https://analytics.example.com/a.js <script src>',
		]);
	});

	it('keeps failure lists short', () => {
		expect(firstOf(['a', 'b', 'c'], 2)).toEqual(['a', 'b', '… and 1 more']);
	});
});
