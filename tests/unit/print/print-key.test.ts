/**
 * The print files' key: the same built print pages (and the files they load) give the same
 * key; a change to the issue's print page in either script, to a stylesheet it loads, or to
 * the printer changes it; a change elsewhere in the site does not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mayLoadFiles, printFilesKey, printPageDigest } from '../../../src/lib/print/print-key.ts';

const site = mkdtempSync(path.join(tmpdir(), 'print-key-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function write(relative: string, text: string): void {
	const file = path.join(site, relative);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
}

const page = (body: string) =>
	`<html><head><link rel="stylesheet" href="/base/_astro/print.css"><style>@font-face{src:url(/base/_astro/face.woff2)}</style></head><body>${body}<a href="https://example.org/">x</a></body></html>`;

describe('printFilesKey', () => {
	write('zh-hans/issues/one/print/index.html', page('第一期'));
	write('zh-hant/issues/one/print/index.html', page('第一期'));
	write('zh-hans/issues/two/print/index.html', page('第二期'));
	write('_astro/print.css', 'body { color: black }');
	write('_astro/face.woff2', 'font bytes');
	const key = (issue = 'one', printer = 'printer-1') => printFilesKey(site, '/base/', issue, printer);

	it('is the same for the same pages and printer, and differs between issues', () => {
		expect(key()).toBe(key());
		expect(key('one')).not.toBe(key('two'));
		expect(key('missing')).toBeUndefined();
	});

	it('changes with the print page in either script, a file it loads, and the printer', () => {
		const before = key();
		write('zh-hant/issues/one/print/index.html', page('第一期（修订）'));
		const afterPage = key();
		expect(afterPage).not.toBe(before);
		write('_astro/print.css', 'body { color: #111 }');
		const afterStyle = key();
		expect(afterStyle).not.toBe(afterPage);
		write('_astro/face.woff2', 'other font bytes');
		expect(key()).not.toBe(afterStyle);
		expect(key('one', 'printer-2')).not.toBe(key('one', 'printer-1'));
	});

	it('does not change with another issue or a file the page does not load', () => {
		const before = key();
		write('zh-hans/issues/two/print/index.html', page('第二期（修订）'));
		write('_astro/other.css', 'p { margin: 0 }');
		expect(key()).toBe(before);
	});
});

describe('printPageDigest', () => {
	const digest = (script: 'hans' | 'hant' = 'hans') => printPageDigest(site, '/base/', 'one', script);

	it("changes with that script's print page and the files it loads, not with the other script's page", () => {
		write('zh-hans/issues/one/print/index.html', page('第一期'));
		write('zh-hant/issues/one/print/index.html', page('第一期'));
		const before = digest();
		expect(digest()).toBe(before);
		expect(digest('hant')).not.toBe(before);
		write('zh-hant/issues/one/print/index.html', page('第一期（繁体修订）'));
		expect(digest()).toBe(before);
		write('zh-hans/issues/one/print/index.html', page('第一期（修订）'));
		const afterPage = digest();
		expect(afterPage).not.toBe(before);
		write('_astro/face.woff2', 'font bytes, once more');
		expect(digest()).not.toBe(afterPage);
		expect(printPageDigest(site, '/base/', 'missing', 'hans')).toBeUndefined();
	});
});

describe('mayLoadFiles', () => {
	it('is false only for a page that names no file under the root: anchors and links elsewhere', () => {
		const page = (body: string) =>
			Buffer.from(`<html><body><a href="#case-1">一</a><a href="https://example.gov.cn/dxal/">网站</a>${body}</body></html>`);
		expect(mayLoadFiles(page(''), '/dxal/')).toBe(false);
		expect(mayLoadFiles(page('<img src="/dxal/_astro/seal.png">'), '/dxal/')).toBe(true);
		expect(mayLoadFiles(page('<link rel="stylesheet" href="/dxal/_astro/print.css">'), '/dxal/')).toBe(true);
		expect(mayLoadFiles(page('<img srcset="seal.png 1x, /dxal/seal@2x.png 2x">'), '/dxal/')).toBe(true);
		expect(mayLoadFiles(page('<style>.seal{background:url( "/dxal/seal.png" )}</style>'), '/dxal/')).toBe(true);
		expect(mayLoadFiles(page('<a href="/other/">另一站</a>'), '/dxal/')).toBe(false);
		expect(mayLoadFiles(page('<a href="/other/">另一站</a>'), '/')).toBe(true);
	});

	it('a file loaded by an img alone still changes the key', () => {
		write('zh-hans/issues/img/print/index.html', '<html><body><a href="#a">目录</a><img src="/base/_astro/seal.png"></body></html>');
		write('_astro/seal.png', 'seal one');
		const before = printFilesKey(site, '/base/', 'img', 'printer-1');
		write('_astro/seal.png', 'seal two');
		expect(printFilesKey(site, '/base/', 'img', 'printer-1')).not.toBe(before);
	});
});
