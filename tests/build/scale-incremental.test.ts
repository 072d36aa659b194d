/**
 * Incremental builds must never publish a stale page, search record or print file. On a
 * copy of the sample compendium, four kinds of edit are made between builds — a case's
 * text, an issue's case list, a glossary term, the site title — and after each, the
 * incremental build (Astro's experimental.incrementalBuild with our cache keys, the search
 * step's record cache, the print step's cache of PDFs and Word files) must equal a clean
 * build of the same content byte for byte (every file: pages, search index, PDFs, Word
 * files), everything the edit touches must have changed and been made anew, and what the
 * edit cannot touch must have been reused. Listing pages (regions, methods, figures, the
 * archive, the browse pages) included: a case's new title, region, methods or date changes
 * the listings it leaves and the ones it joins, and leaves the others' cache keys alone. PDFs are printed: without a Chromium this test
 * fails rather than comparing less. The first build is global setup's (same content), when
 * it built one: its cache is copied, so the sample is not built with PDFs twice.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../../src/lib/build/browser.ts';
import { readReuseReport, type ReuseReport } from '../../src/lib/build/incremental.ts';
import { contentDir as sampleContent, PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { buildSite, buildSiteAsync } from '../support/build.ts';
import { cacheKeys, changedFiles, expectReused, snapshot } from '../support/build-output.ts';
import { siteDir } from '../support/site.ts';

const work = path.join(PROJECT_ROOT, '.tmp', `scale-incremental-${process.pid}`);
const content = path.join(work, 'content');
const cache = path.join(work, 'cache');
const env = {};

/** What the search index shows for a case in a script: its result file in the built site. */
function searchResult(site: Map<string, Buffer>, script: 'hans' | 'hant', caseId: string): { id: string; t: string; b: string } | undefined {
	for (const [file, bytes] of site) {
		if (!file.startsWith('search-data/') || !file.includes(`/${script}/`) || file.endsWith('labels.json')) continue;
		const result = JSON.parse(bytes.toString('utf8')) as { id?: string; t: string; b: string };
		if (result.id === caseId) return result as { id: string; t: string; b: string };
	}
	return undefined;
}

/** Both scripts' index.html of site paths such as `regions/140000`. */
const inScripts = (...paths: string[]) =>
	['zh-hans', 'zh-hant'].flatMap((script) => paths.map((p) => (p === '' ? `${script}/index.html` : `${script}/${p}/index.html`)));

/** Two builds per edit on a shared two-core machine: minutes, not the default two. */
const BUILDS_TIMEOUT = 900_000;

let round = 0;
/**
 * Builds the current content twice: incrementally over the shared cache, and clean; returns both and
 * what the incremental one reused. The two builds share nothing (own output, own cache) and each
 * keeps about one core busy, so they run side by side.
 */
async function buildBoth(): Promise<{ incremental: Map<string, Buffer>; clean: Map<string, Buffer>; reuse: ReuseReport }> {
	round++;
	const incremental = path.join(work, `incremental-${round}`);
	const clean = path.join(work, `clean-${round}`);
	const cleanCache = path.join(work, `clean-cache-${round}`);
	await Promise.all([
		buildSiteAsync(incremental, { content, cacheDir: cache, env }),
		buildSiteAsync(clean, { content, cacheDir: cleanCache, env: { ...env, COMPENDIUM_INCREMENTAL: 'off' } }),
	]);
	// The last round's output shares its unchanged pages' files with the cache (hard links,
	// src/lib/build/linked-pages.ts): pages rendered anew in this round must not have written into it.
	if (round > 1)
		expect(changedFiles(previous, snapshot(path.join(work, `incremental-${round - 1}`))), 'the last published output is untouched').toEqual([]);
	const reuse = readReuseReport(cache);
	if (!reuse) throw new Error('the incremental build left no reuse report in its cache directory');
	expect(readReuseReport(cleanCache), 'a build with COMPENDIUM_INCREMENTAL=off reuses nothing and reports nothing').toBeUndefined();
	return { incremental: snapshot(incremental), clean: snapshot(clean), reuse };
}

function edit(file: string, change: (text: string) => string): void {
	const full = path.join(content, file);
	const before = readFileSync(full, 'utf8');
	const after = change(before);
	expect(after, `the edit of ${file} should change it`).not.toBe(before);
	writeFileSync(full, after);
}

let previous: Map<string, Buffer>;

beforeAll(() => {
	expect(findChromium(), `the print files are part of what is compared. ${HOW_TO_GET_CHROMIUM}`).toBeDefined();
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	cpSync(sampleContent(), content, { recursive: true });
	const setupCache = process.env.SITE_CACHE_DIR;
	if (setupCache) {
		// Global setup built the same sample content (from its own folder) with PDFs: its site and
		// its cache are the first build, and the first incremental build starts from a copy of them.
		cpSync(setupCache, cache, { recursive: true });
		previous = snapshot(siteDir());
	} else {
		const first = path.join(work, 'first');
		buildSite(first, { content, cacheDir: cache, env });
		previous = snapshot(first);
	}
	expect(previous.has('pdf/dangjian-jiceng-zhili-1.zh-hans.pdf'), 'the first build printed its PDFs').toBe(true);
	// A first build with no cache before it printed every issue (global setup's may have started from a local run's cache).
	if (!setupCache || process.env.SITE_CACHE_FRESH) expect(readReuseReport(cache)?.printFiles).toEqual({ reused: 0, rebuilt: 3 });
}, BUILDS_TIMEOUT);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The PDF and Word files of an issue in both scripts, as paths of the built site. */
const printFiles = (issueId: string) => ['zh-hans', 'zh-hant'].flatMap((script) => [`pdf/${issueId}.${script}.pdf`, `pdf/${issueId}.${script}.docx`]);

describe('an incremental build after an edit equals a clean build', () => {
	it(
		"a case text, an issue case list and a case's title, region, methods and date: the case, its issues, its record, the PDFs that print it and the listings it leaves and joins change; other cases, issues and listings are reused",
		async () => {
			// changshan-dangshi-xuandeng-1 lists changshan-cunqing-baogaohui then changshan-wenhua-gongfu: swap them.
			edit('issues/changshan-dangshi-xuandeng-1.mdx', (t) =>
				t.replace('  - changshan-cunqing-baogaohui\n  - changshan-wenhua-gongfu', '  - changshan-wenhua-gongfu\n  - changshan-cunqing-baogaohui'),
			);
			// jixi-shangzhuang (written in 繁體) is printed in dangjian-jiceng-zhili-1.
			edit('cases/jixi-shangzhuang.mdx', (t) => `${t.trimEnd()}\n\n增量構建測試新增的一段正文。\n`);
			// Two builds per edit cost minutes, so the listing edit shares this round.
			// tongdao-dagaoping moves from 湖南省怀化市通道县 (431230, the only case in 怀化市) to 浙江省衢州市开化县 (330824),
			// from 积分制 (points-system, no other case) to 网格化治理 (grid-governance), from 2023 to 2020, and gets a new title.
			edit('cases/tongdao-dagaoping.mdx', (t) =>
				t
					.replace('title: 以“領”“融”“新”三字為要訣', 'title: 以“領”“融”“新”三字為要訣（增量構建測試）')
					.replace('code: "431230"', 'code: "330824"')
					.replace('  - points-system\n', '  - grid-governance\n')
					.replace('date: 2023-07-01', 'date: 2020-07-01'),
			);
			const keysBefore = cacheKeys(cache);
			const { incremental, clean, reuse } = await buildBoth();
			expect(changedFiles(incremental, clean)).toEqual([]);
			const differs = changedFiles(previous, incremental);
			for (const script of ['zh-hans', 'zh-hant']) {
				for (const page of [
					`${script}/cases/jixi-shangzhuang/index.html`,
					`${script}/cases/changshan-cunqing-baogaohui/index.html`,
					`${script}/cases/changshan-wenhua-gongfu/index.html`,
					`${script}/issues/changshan-dangshi-xuandeng-1/index.html`,
					`${script}/issues/changshan-dangshi-xuandeng-1/print/index.html`,
					`${script}/issues/dangjian-jiceng-zhili-1/print/index.html`,
				]) {
					expect(differs, page).toContain(page);
				}
			}
			for (const file of [...printFiles('changshan-dangshi-xuandeng-1'), ...printFiles('dangjian-jiceng-zhili-1')])
				expect(differs, file).toContain(file);
			for (const file of printFiles('yuncheng-wumian-hongqi-1')) expect(differs, file).not.toContain(file);
			expect(searchResult(incremental, 'hans', 'jixi-shangzhuang')?.b).toContain('增量构建测试新增的一段正文');
			expect(searchResult(incremental, 'hant', 'jixi-shangzhuang')?.b).toContain('增量構建測試新增的一段正文');
			// Two scripts × (8 cases + 3 issues + 3 print pages) keyed pages; the untouched ones were copied.
			expect(reuse.pages.reused).toBeGreaterThan(0);
			expect(reuse.pages.rebuilt).toBeGreaterThanOrEqual(12);
			// The swap changes neither the cases' issues nor their labels: only the two edited cases' records are made again.
			expect(reuse.records).toEqual({ reused: 6, rebuilt: 2 });
			expect(reuse.printFiles).toEqual({ reused: 1, rebuilt: 2 });
			for (const page of inScripts(
				'cases/tongdao-dagaoping',
				// The region it leaves (its province keeps another case; its city and county pages go) and the one it joins.
				'regions/430000',
				'regions/431200',
				'regions/431230',
				'regions/330000',
				'regions/330800',
				'regions/330824',
				// The method it leaves and the one it joins; the method browse page, where 积分制 is no longer in use.
				'methods/points-system',
				'methods/grid-governance',
				'methods',
				// The region browse page (counts), the figures (titles, cases per year).
				'regions',
				'metrics',
			))
				expect(differs, page).toContain(page);
			for (const page of inScripts('regions/431200', 'regions/431230')) expect(incremental.has(page), page).toBe(false);
			for (const page of inScripts('regions/330824', 'methods/grid-governance', 'metrics'))
				expect(incremental.get(page)?.toString('utf8'), page).toContain(page.startsWith('zh-hans') ? '（增量构建测试）' : '（增量構建測試）');
			// The text shows on no listing: the region (安徽省, 宣城市, 绩溪县) and method pages that list jixi-shangzhuang are copied,
			// and so are the listings neither edited case is on (not the issue archive: its key covers the issues' case lists).
			expectReused(
				inScripts(
					'regions/340000',
					'regions/341800',
					'regions/341824',
					'methods/rural-revitalization',
					'regions/140000',
					'regions/140800',
					'regions/140802',
					'methods/model-creation',
					'methods/public-service-stations',
					'data',
					'search',
					'compare',
				),
				differs,
				keysBefore,
				cacheKeys(cache),
			);
			previous = incremental;
		},
		BUILDS_TIMEOUT,
	);

	it(
		'a glossary term: the traditional pages, records and PDFs that use it change; no page and no record is reused',
		async () => {
			// A new fixed form for a phrase of a simplified case (the test's own wording, to see it arrive).
			edit('glossary.yaml', (t) => `${t.trimEnd()}\n- hans: 亮家底\n  hant: 亮家當\n  note: 增量构建测试\n`);
			const { incremental, clean, reuse } = await buildBoth();
			expect(changedFiles(incremental, clean)).toEqual([]);
			const differs = changedFiles(previous, incremental);
			expect(differs).toContain('zh-hant/cases/yuncheng-ruicheng/index.html');
			expect(readFileSync(path.join(work, `incremental-${round}`, 'zh-hant/cases/yuncheng-ruicheng/index.html'), 'utf8')).toContain('亮家當');
			expect(differs).toContain('pdf/yuncheng-wumian-hongqi-1.zh-hant.pdf');
			expect(differs).toContain('pdf/yuncheng-wumian-hongqi-1.zh-hant.docx');
			expect(searchResult(incremental, 'hant', 'yuncheng-ruicheng')?.b).toContain('亮家當');
			expect(reuse.pages.reused).toBe(0);
			expect(reuse.records).toEqual({ reused: 0, rebuilt: 8 });
			// Issues whose print pages do not use the term print the same: their files are reused.
			expect(reuse.printFiles?.rebuilt).toBeGreaterThanOrEqual(1);
			expect((reuse.printFiles?.reused ?? 0) + (reuse.printFiles?.rebuilt ?? 0)).toBe(3);
			previous = incremental;
		},
		BUILDS_TIMEOUT,
	);

	it(
		'the site title: every page changes and none is reused; search records (which do not show it) are',
		async () => {
			edit('site.yaml', (t) => t.replace('title: 典型案例汇编', 'title: 基层治理案例汇编'));
			const { incremental, clean, reuse } = await buildBoth();
			expect(changedFiles(incremental, clean)).toEqual([]);
			const differs = new Set(changedFiles(previous, incremental));
			const pages = [...incremental.keys()].filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
			expect(pages.length).toBeGreaterThan(40);
			// Every page with the site frame shows the title; print pages (the briefing layout) and the root redirects do not.
			const framed = pages.filter((page) => !page.endsWith('/print/index.html') && page !== '404.html' && page !== 'index.html');
			for (const page of framed) expect(differs.has(page), page).toBe(true);
			expect(reuse.pages.reused).toBe(0);
			expect(reuse.records).toEqual({ reused: 8, rebuilt: 0 });
			expect((reuse.printFiles?.reused ?? 0) + (reuse.printFiles?.rebuilt ?? 0)).toBe(3);
		},
		BUILDS_TIMEOUT,
	);
});
