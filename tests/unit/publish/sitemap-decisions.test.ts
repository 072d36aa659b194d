/**
 * The sitemap's kept decisions: a page whose identity in Astro's incremental manifest is
 * unchanged keeps the previous build's answer without its file being read; a changed key,
 * route code hash or config, a page without a key, or a damaged store reads the page again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sitemapDecisions } from '../../../src/lib/publish/sitemap-decisions.ts';

let cacheDir: string;
beforeEach(() => void (cacheDir = mkdtempSync(path.join(tmpdir(), 'sitemap-decisions-'))));
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

const CASE = 'zh-hans/cases/a/index.html';
const PRINT = 'zh-hans/issues/1/print/index.html';

/** Writes Astro's manifest with the case page's and the print page's keys. */
function manifest({ caseKey = 'k1', dependencyHash = 'd1', configHash = 'c1' } = {}): void {
	const routes = {
		'src/pages/[script]/cases/[id].astro': { dependencyHash, paths: { '/zh-hans/cases/a/': { cacheKey: caseKey, outputFile: CASE } } },
		'src/pages/[script]/issues/[id]/print.astro': {
			dependencyHash: 'd2',
			paths: { '/zh-hans/issues/1/print/': { cacheKey: 'p1', outputFile: PRINT } },
		},
	};
	writeFileSync(path.join(cacheDir, 'incremental-build.json'), JSON.stringify({ version: 1, configHash, lockfileHash: 'l1', routes }));
}

/** One build's sitemap over the case page, the print page and an unkeyed page; returns the answers and which pages were read. */
function build(answers: Record<string, boolean> = { [CASE]: true, [PRINT]: false, '404.html': false }) {
	const decisions = sitemapDecisions(cacheDir);
	const read: string[] = [];
	const listed = Object.fromEntries(Object.entries(answers).map(([file, answer]) => [file, decisions.decide(file, () => (read.push(file), answer))]));
	decisions.save();
	return { listed, read };
}

describe("the sitemap's kept decisions", () => {
	it('read every page the first time, then only pages without a cache key', () => {
		manifest();
		expect(build()).toEqual({ listed: { [CASE]: true, [PRINT]: false, '404.html': false }, read: [CASE, PRINT, '404.html'] });
		expect(build()).toEqual({ listed: { [CASE]: true, [PRINT]: false, '404.html': false }, read: ['404.html'] });
	});

	it("read a page again when its key, its route's code or the config changed", () => {
		manifest();
		build();
		manifest({ caseKey: 'k2' });
		expect(build({ [CASE]: false, [PRINT]: false }).listed[CASE]).toBe(false);
		manifest({ caseKey: 'k2', dependencyHash: 'd3' });
		expect(build().read).toEqual([CASE, '404.html']);
		manifest({ caseKey: 'k2', dependencyHash: 'd3', configHash: 'c2' });
		expect(build().read).toEqual([CASE, PRINT, '404.html']);
	});

	it('read every page again when the stored decisions are damaged, or without a manifest', () => {
		manifest();
		build();
		writeFileSync(path.join(cacheDir, 'sitemap-decisions.json'), '{"zh-hans/cases/a/index.html": [');
		expect(build().read).toEqual([CASE, PRINT, '404.html']);
		rmSync(path.join(cacheDir, 'incremental-build.json'));
		expect(build().read).toEqual([CASE, PRINT, '404.html']);
	});
});
