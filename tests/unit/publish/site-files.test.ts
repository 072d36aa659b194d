import { describe, expect, it } from 'vitest';
import { beianLinks } from '../../../src/lib/publish/beian.ts';
import { webManifest } from '../../../src/lib/publish/manifest.ts';
import { robotsTxt } from '../../../src/lib/publish/robots.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtFileOf, listedInSitemap, readPageHead, twinLinks } from '../../../src/lib/publish/sitemap.ts';

describe('robotsTxt', () => {
	it('points at the sitemap index under the site URL and base', () => {
		expect(robotsTxt({ url: 'https://www.example.gov.cn', base: '/dxal/' })).toContain('Sitemap: https://www.example.gov.cn/dxal/sitemap-index.xml');
		expect(robotsTxt({ url: 'https://example.gov.cn', base: '/' })).toBe(
			'User-agent: *\nAllow: /\n\nSitemap: https://example.gov.cn/sitemap-index.xml\n',
		);
	});
});

describe('webManifest', () => {
	it('names the edition in its script and starts at its home under the base', () => {
		const manifest = webManifest({ title: '典型案例汇编', description: '经验做法', base: '/dxal/' }, 'hant');
		expect(manifest).toMatchObject({ name: '典型案例彙編', lang: 'zh-Hant', start_url: '/dxal/zh-hant/', scope: '/dxal/zh-hant/' });
		expect(manifest.icons).toEqual([{ src: '/dxal/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }]);
	});
});

describe('beianLinks', () => {
	it('links the ICP number to MIIT and the public security number to its MPS record', () => {
		expect(beianLinks({ icp: '京ICP备12345678号-1', publicSecurity: '京公网安备11010502000001号' })).toEqual([
			{ text: '京ICP备12345678号-1', href: 'https://beian.miit.gov.cn/' },
			{ text: '京公网安备11010502000001号', href: 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001' },
		]);
	});
	it('shows nothing when the office has no filing numbers configured', () => {
		expect(beianLinks({})).toEqual([]);
	});
});

describe('listedInSitemap', () => {
	const page = (head: string) => `<!doctype html><html><head>${head}</head><body></body></html>`;
	const url = 'https://example.gov.cn/zh-hans/cases/a/';

	it('lists a page whose canonical is itself, or that has none', () => {
		expect(listedInSitemap(page(`<link rel="canonical" href="${url}">`), url)).toBe(true);
		expect(listedInSitemap(page('<title>x</title>'), url)).toBe(true);
	});
	it('leaves out pages marked noindex and pages whose canonical is elsewhere', () => {
		expect(listedInSitemap(page('<meta name="robots" content="noindex">'), url)).toBe(false);
		expect(listedInSitemap(page('<meta name="robots" content="noindex, follow">'), url)).toBe(false);
		expect(listedInSitemap(page('<link rel="canonical" href="https://example.gov.cn/zh-hans/">'), 'https://example.gov.cn/')).toBe(false);
	});
	it('ignores a noindex mentioned in the body', () => {
		expect(listedInSitemap(`${page('')}<p><meta name="robots" content="noindex"></p>`, url)).toBe(true);
	});
});

describe('readPageHead', () => {
	it('reads a page up to </head> (also across its 16 KiB reads, with Chinese text), the whole page without one, nothing for no file', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'compendium-head-'));
		try {
			const head = `<html><head><title>${'标题'.repeat(2730)}</title><meta name="robots" content="noindex"></head>`;
			for (const cut of [0, 16 * 1024 - 3, 16 * 1024 - 9]) {
				const padded = head.replace('<title>', `<title>${'x'.repeat(Math.max(0, cut - Buffer.byteLength(head) + 7))}`);
				writeFileSync(path.join(dir, 'page.html'), `${padded}<body>${'正文'.repeat(20000)}</body></html>`);
				expect(readPageHead(path.join(dir, 'page.html'))).toBe(padded);
			}
			writeFileSync(path.join(dir, 'headless.html'), `<p>${'正文'.repeat(9000)}</p>`);
			expect(readPageHead(path.join(dir, 'headless.html'))).toBe(`<p>${'正文'.repeat(9000)}</p>`);
			expect(readPageHead(path.join(dir, 'missing.html'))).toBeUndefined();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('builtFileOf', () => {
	it('maps a sitemap URL to its file under the base, and nothing outside it', () => {
		expect(builtFileOf('https://x.gov.cn/dxal/zh-hans/cases/a/', '/out', '/dxal/')).toBe('/out/zh-hans/cases/a/index.html');
		expect(builtFileOf('https://x.gov.cn/dxal/', '/out', '/dxal/')).toBe('/out/index.html');
		expect(builtFileOf('https://x.gov.cn/other/', '/out', '/dxal/')).toBeUndefined();
	});
});

describe('twinLinks', () => {
	const site = 'https://x.gov.cn/dxal/';
	const listed = new Set([
		`${site}zh-hans/cases/a/`,
		`${site}zh-hant/cases/a/`,
		`${site}zh-hans/cases/b/`,
		`${site}zh-hans/regions/110000/2/`,
		`${site}zh-hant/regions/110000/2/`,
	]);

	it('links a page to itself and its twin in the other script, in script order, from either side', () => {
		const links = [
			{ url: `${site}zh-hans/cases/a/`, lang: 'zh-Hans' },
			{ url: `${site}zh-hant/cases/a/`, lang: 'zh-Hant' },
		];
		expect(twinLinks(`${site}zh-hans/cases/a/`, listed, '/dxal/')).toEqual(links);
		expect(twinLinks(`${site}zh-hant/cases/a/`, listed, '/dxal/')).toEqual(links);
		expect(twinLinks(`${site}zh-hant/regions/110000/2/`, listed, '/dxal/')?.map((l) => l.url)).toEqual([
			`${site}zh-hans/regions/110000/2/`,
			`${site}zh-hant/regions/110000/2/`,
		]);
	});

	it('gives none to a page whose twin is not listed, or that is outside the script folders', () => {
		expect(twinLinks(`${site}zh-hans/cases/b/`, listed, '/dxal/')).toBeUndefined();
		expect(twinLinks(`${site}robots.txt`, new Set([`${site}robots.txt`]), '/dxal/')).toBeUndefined();
	});
});
