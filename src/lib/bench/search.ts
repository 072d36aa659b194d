/**
 * The search benchmark (a section of `npm run bench`): on the generated corpus,
 * - the index build alone (scripts/search-index.ts in its own process): time and
 *   peak memory of the process tree (Node with its record worker threads, and the short
 *   Pagefind session that supplies pagefind.js and its wasm), cold and again over the
 *   first run's cache (records and compressed files reused),
 * - the index on disk,
 * - what a reader's browser downloads until the first result of a first query (gzip
 *   sizes; Pagefind's files are already compressed and count as they are), and
 * - keystroke to rendered results on a loaded page (p50 and p95 over the issue's queries,
 *   typed twice).
 *
 * The index is built from the corpus's content files by the same step `npm run build`
 * runs. The search page comes from the bench's full site build when there is one
 * (section "build"), otherwise from a build of the sample site, with the corpus's index
 * copied next to it: the page itself does not depend on the corpus.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { BenchContext, BenchSection } from './section.ts';
import { median, percentile } from './measure.ts';
import { buildCorpus } from './corpus-build.ts';
import { findChromium, HOW_TO_GET_CHROMIUM, launchChromium } from '../build/browser.ts';
import { serveStatic } from '../build/static-server.ts';
import { parseFoldMap } from '../search/fold.ts';
import { PAGEFIND_DIR, SEARCH_DATA_DIR } from '../search/layout.ts';

/** The queries the issue names; each is typed as written (simplified). */
export const BENCH_QUERIES = [
	'屋场',
	'三长制',
	'积分超市',
	'村情报告会',
	'胡柚',
	'五面红旗',
	'六步夺旗',
	'急难愁盼',
	'雏鹰工程',
	'枫桥经验',
	'爱心驿站',
];

interface DiskSize {
	files: number;
	bytes: number;
}

function diskSize(dir: string): DiskSize {
	let files = 0;
	let bytes = 0;
	if (!existsSync(dir)) return { files, bytes };
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		files++;
		bytes += statSync(path.join(entry.parentPath, entry.name)).size;
	}
	return { files, bytes };
}

/** p50, p95 and the slowest of some timings, in ms. */
const timeSpread = (times: number[]) =>
	`p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Files Pagefind compresses itself: counted as they are. */
const PRECOMPRESSED = /\.(pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/;

interface Download {
	url: string;
	bytes: number;
}

/** Records every response of a page with its gzip size. */
function recordDownloads(page: Page): { downloads: Download[]; settled: () => Promise<void> } {
	const downloads: Download[] = [];
	const pending: Promise<void>[] = [];
	page.on('response', (response) => {
		const url = response.url();
		pending.push(
			response
				.body()
				.then((body) => {
					downloads.push({ url, bytes: PRECOMPRESSED.test(new URL(url).pathname) ? body.length : gzipSync(body).length });
				})
				.catch(() => undefined),
		);
	});
	return { downloads, settled: () => Promise.all(pending).then(() => undefined) };
}

const FIRST_RESULT = '.search-result:not([aria-busy]) h3 a';

/** Marks, in the page, the moment the first result is drawn. */
const WATCH_FIRST_RESULT = `
	new MutationObserver((_, observer) => {
		if (document.querySelector(${JSON.stringify(FIRST_RESULT)})) {
			window.__firstResultAt = performance.now();
			observer.disconnect();
		}
	}).observe(document, { childList: true, subtree: true });
`;

async function firstQueryBytes(browser: Browser, siteUrl: string, query: string) {
	const context = await browser.newContext();
	await context.addInitScript(WATCH_FIRST_RESULT);
	const page = await context.newPage();
	const { downloads, settled } = recordDownloads(page);
	const pageUrl = `${siteUrl}zh-hans/search/?q=${encodeURIComponent(query)}`;
	await page.goto(pageUrl);
	await page.waitForFunction(() => (window as unknown as { __firstResultAt?: number }).__firstResultAt !== undefined, undefined, { timeout: 60_000 });
	// What had fully arrived when the first result was drawn: the page and its resources.
	const { ms, before } = await page.evaluate(() => {
		const at = (window as unknown as { __firstResultAt: number }).__firstResultAt;
		const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
		return { ms: at, before: resources.filter((r) => r.responseEnd <= at).map((r) => r.name) };
	});
	await settled();
	const counted = new Set([pageUrl, ...before]);
	const firstDownloads = downloads.filter((d) => counted.has(d.url));
	const sum = (list: Download[]) => list.reduce((total, d) => total + d.bytes, 0);
	const toFirst = sum(firstDownloads);
	const byKind = {
		page: sum(firstDownloads.filter((d) => !d.url.includes(`/${PAGEFIND_DIR}/`) && !d.url.includes(`/${SEARCH_DATA_DIR}/`))),
		pagefind: sum(firstDownloads.filter((d) => /pagefind\.js|\.pagefind$/.test(d.url))),
		meta: sum(firstDownloads.filter((d) => d.url.endsWith('.pf_meta'))),
		chunks: sum(firstDownloads.filter((d) => d.url.endsWith('.pf_index'))),
		data: sum(firstDownloads.filter((d) => d.url.includes(`/${SEARCH_DATA_DIR}/`))),
	};
	// Then the facets (labels and every filter file), loaded after the first results.
	await page.waitForFunction(() => (document.querySelector<HTMLSelectElement>('#filter-year')?.options.length ?? 0) > 1, undefined, {
		timeout: 60_000,
	});
	await page.waitForLoadState('networkidle');
	await settled();
	const withFacets = sum(downloads);
	const results = await page.evaluate(() => document.querySelector('#search-status')?.textContent ?? '');
	await context.close();
	return { toFirst, withFacets, byKind, ms, results };
}

/** Types each query into a loaded search page; keystroke (input event) to the first result drawn. */
async function keystrokeToResults(browser: Browser, siteUrl: string): Promise<number[]> {
	const page = await browser.newPage();
	await page.goto(`${siteUrl}zh-hans/search/`);
	await page.waitForSelector(FIRST_RESULT, { timeout: 60_000 });
	const times: number[] = [];
	// Twice over: the first pass also fetches index chunks, the second mostly finds them cached.
	for (const query of [...BENCH_QUERIES, ...BENCH_QUERIES]) {
		const ms = await page.evaluate(
			([q, selector]) =>
				new Promise<number>((resolve, reject) => {
					const input = document.querySelector<HTMLInputElement>('#search-q')!;
					const list = document.querySelector('#search-results')!;
					let replaced = false;
					const started = performance.now();
					const done = () => {
						if (replaced && list.querySelector(selector)) {
							observer.disconnect();
							resolve(performance.now() - started);
						}
					};
					const observer = new MutationObserver((records) => {
						if (records.some((r) => r.target === list && r.removedNodes.length > 0)) replaced = true;
						done();
					});
					observer.observe(list, { childList: true, subtree: true });
					setTimeout(() => reject(new Error(`no results for ${q} within 20 s`)), 20_000);
					input.value = q!;
					input.dispatchEvent(new Event('input', { bubbles: true }));
				}),
			[query, FIRST_RESULT] as const,
		);
		times.push(ms);
	}
	await page.close();
	return times;
}

async function searchSite(context: BenchContext): Promise<{ dir: string; note: string }> {
	const built = path.join(context.workDir, 'dist-both');
	if (existsSync(path.join(built, 'zh-hans', 'search', 'index.html'))) return { dir: built, note: 'the bench site build (dist-both)' };
	// SEARCH_BENCH_SHELL=<built site> picks the site whose search page is used; otherwise the
	// sample site is built now: a dist/ left from an earlier build may hold an older search page.
	let shell = process.env.SEARCH_BENCH_SHELL;
	if (!shell) shell = (await buildCorpus(context, 'search-shell', { content: path.join(context.projectRoot, 'content') })).out;
	if (!existsSync(path.join(shell, 'zh-hans', 'search', 'index.html'))) throw new Error(`no search page in ${shell}`);
	const dir = path.join(context.workDir, 'search-site');
	mkdirSync(dir, { recursive: true });
	for (const part of ['zh-hans', 'zh-hant', '_astro', 'favicon.svg']) {
		if (existsSync(path.join(shell, part))) cpSync(path.join(shell, part), path.join(dir, part), { recursive: true });
	}
	return { dir, note: `the search page of ${process.env.SEARCH_BENCH_SHELL ? shell : 'the sample site, built for the bench'} with the corpus index` };
}

/** The browser figures for a built site with a search index. */
export async function measureSearchPage(siteDir: string): Promise<string[]> {
	const manifest = JSON.parse(readFileSync(path.join(siteDir, SEARCH_DATA_DIR, 'manifest.json'), 'utf8')) as { fold: string; pages: number };
	const foldEntries = parseFoldMap(manifest.fold).size;
	const server = await serveStatic(siteDir);
	const browser = await launchChromium();
	try {
		const first: ({ query: string } & Awaited<ReturnType<typeof firstQueryBytes>>)[] = [];
		for (const query of BENCH_QUERIES) first.push({ query, ...(await firstQueryBytes(browser, server.url, query)) });
		const keystrokes = await keystrokeToResults(browser, server.url);
		const toFirst = first.map((f) => f.toFirst);
		const worst = first.reduce((a, b) => (b.toFirst > a.toFirst ? b : a));
		const typical = first.find((f) => f.toFirst === median(toFirst)) ?? first[0]!;
		const parts = (f: (typeof first)[number]) =>
			`page ${kb(f.byKind.page)} + Pagefind wasm (and pagefind.js, if loaded) ${kb(f.byKind.pagefind)} + pf_meta ${kb(f.byKind.meta)} + chunks ${kb(f.byKind.chunks)} + fold table/result ${kb(f.byKind.data)}`;
		return [
			`index of ${manifest.pages} cases; fold table ${foldEntries} entries`,
			`bytes to first result (gzip): median ${kb(median(toFirst))}, min ${kb(Math.min(...toFirst))}, max ${kb(worst.toFirst)} (${worst.query}) (goal ≤ 150 KB)`,
			`  median query (${typical.query}): ${parts(typical)}`,
			`  then the other results, facet labels and filter files: median total ${kb(median(first.map((f) => f.withFacets)))}`,
			`  per query: ${first.map((f) => `${f.query} ${kb(f.toFirst)} (${f.results})`).join(', ')}`,
			`page load to first result (cold, local server): median ${median(first.map((f) => f.ms)).toFixed(0)} ms`,
			`keystroke to results: p50 ${percentile(keystrokes, 50).toFixed(0)} ms, p95 ${percentile(keystrokes, 95).toFixed(0)} ms, max ${Math.max(...keystrokes).toFixed(0)} ms over ${keystrokes.length} (goal p95 ≤ 300 ms)`,
			// The page remembers recent searches' matches, so a query typed again answers without Pagefind: the first pass alone is the search.
			`  a query's first time: ${timeSpread(keystrokes.slice(0, BENCH_QUERIES.length))}; typed again: ${timeSpread(keystrokes.slice(BENCH_QUERIES.length))}`,
		];
	} finally {
		await browser.close();
		await server.close();
	}
}

/** The search section of `npm run bench`. */
export const searchBench: BenchSection = {
	name: 'search',
	description: 'search index build on the corpus, index size, bytes to the first result, keystroke to results',
	async run(context) {
		const indexDir = path.join(context.workDir, 'search-index');
		const cacheDir = path.join(context.workDir, 'search-index-cache');
		const runIndex = async () => {
			rmSync(indexDir, { recursive: true, force: true });
			const build = await context.measure(
				process.execPath,
				[path.join(context.projectRoot, 'scripts/search-index.ts'), indexDir, '--cache', cacheDir],
				{
					cwd: context.projectRoot,
					env: { ...process.env, COMPENDIUM_CONTENT: context.corpusDir },
				},
			);
			if (build.exitCode !== 0) throw new Error(`search index build failed:\n${build.output.slice(-3000)}`);
			return { ...build, outcome: build.output.trim().split('\n').pop() ?? '' };
		};
		rmSync(cacheDir, { recursive: true, force: true });
		const cold = await runIndex();
		// The same corpus again over the first run's cache: every record and compressed file reused.
		const again = await runIndex();
		const bundle = diskSize(path.join(indexDir, PAGEFIND_DIR));
		const data = diskSize(path.join(indexDir, SEARCH_DATA_DIR));
		const lines = [
			`index build, cold: ${cold.seconds.toFixed(1)} s wall, peak ${cold.peakMiB.toFixed(0)} MiB (goal ≤ 4096 MiB)`,
			`  ${cold.outcome}`,
			`index build again over its cache (nothing changed): ${again.seconds.toFixed(1)} s wall, peak ${again.peakMiB.toFixed(0)} MiB`,
			`  ${again.outcome}`,
			`on disk: pagefind/ ${mb(bundle.bytes)} in ${bundle.files} files, search-data/ ${mb(data.bytes)} in ${data.files} files`,
		];

		if (!findChromium()) return [...lines, `browser figures skipped: ${HOW_TO_GET_CHROMIUM}`];
		const site = await searchSite(context);
		if (site.dir !== path.join(context.workDir, 'dist-both')) {
			for (const part of [PAGEFIND_DIR, SEARCH_DATA_DIR]) {
				rmSync(path.join(site.dir, part), { recursive: true, force: true });
				cpSync(path.join(indexDir, part), path.join(site.dir, part), { recursive: true });
			}
		}
		lines.push(`browser: ${site.note}`, ...(await measureSearchPage(site.dir)));
		return lines;
	},
};
