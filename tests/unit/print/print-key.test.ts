/**
 * The print files' key: the same built print pages (and the files they load) give the same
 * key; a change to the issue's print page in either script, to a stylesheet it loads, or to
 * the printer changes it; a change elsewhere in the site does not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printFilesKey } from '../../../src/lib/print/print-key.ts';

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
