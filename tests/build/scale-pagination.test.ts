/**
 * Listings at scale: on a generated compendium of 250 short cases in 125 issues, built
 * with the page size lowered to 10 (COMPENDIUM_PAGE_SIZE; 100 in a real build) so that
 * listings run to many pages, no listing page shows more than a page of cases (or issues,
 * or figures); a method, a province, the archive and the metrics table split into
 * numbered pages with a pager (counts, previous/next, page links) in both scripts, and
 * every entry of a listing appears on exactly one of its pages. Then one case's title is
 * edited and the site rebuilt over the first build's cache: the incremental build equals a
 * clean one byte for byte, the listing page that shows the case is rendered anew, and the
 * other pages of the same listing keep their cache keys and bytes (they are copied).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../src/lib/bench/corpus.ts';
import { largestPages } from '../../src/lib/bench/page-weight.ts';
import { PAGE_SIZE_ENV } from '../../src/lib/compendium/pagination.ts';
import { contentDir as sampleContent, PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { pagePath, type PageRef } from '../../src/lib/routes.ts';
import type { Script } from '../../src/schemas/script.ts';
import { buildSite, buildSiteAsync } from '../support/build.ts';
import { cacheKeys, changedFiles, expectReused, snapshot } from '../support/build-output.ts';

const work = path.join(PROJECT_ROOT, '.tmp', `scale-pagination-${process.pid}`);
const content = path.join(work, 'content');
const out = path.join(work, 'dist');
const cache = path.join(work, 'cache');
const CASES = 250;
const PAGE = 10;
const env = { COMPENDIUM_PDF: 'off', [PAGE_SIZE_ENV]: String(PAGE) };

/** Keeps each generated case to its first paragraph: the listings are under test, not the text. */
function shorten(dir: string): void {
	for (const file of readdirSync(dir)) {
		const text = readFileSync(path.join(dir, file), 'utf8');
		const end = text.indexOf('\n---\n', 4) + 5;
		const body = text
			.slice(end)
			.trim()
			.split(/\n{2,}/)[0];
		writeFileSync(path.join(dir, file), `${text.slice(0, end)}\n${body}\n`);
	}
}

const read = (sitePath: string) => new JSDOM(readFileSync(path.join(out, sitePath, 'index.html'), 'utf8')).window.document;

/** The pages of a listing, following its rel=next links from the first page. */
function listingPages(first: string): { path: string; doc: Document }[] {
	const pages: { path: string; doc: Document }[] = [];
	let next: string | undefined = first;
	while (next) {
		const doc = read(next);
		pages.push({ path: next, doc });
		next = doc.querySelector<HTMLAnchorElement>('.listing-pager a[rel="next"]')?.getAttribute('href') ?? undefined;
		expect(pages.length).toBeLessThan(200);
	}
	return pages;
}

function casesOn(doc: Document): string[] {
	return [...doc.querySelectorAll('main .card-list article.card h2 a')].map((a) => a.getAttribute('href')!);
}

beforeAll(() => {
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	generateCorpus({ from: sampleContent(), to: content, cases: CASES, casesPerIssue: 2 });
	shorten(path.join(content, 'cases'));
	buildSite(out, { content, cacheDir: cache, env });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The listing in `script` with the most entries among `refs`, by the count its heading shows. */
function largest(refs: PageRef[], script: Script) {
	return refs
		.map((ref) => ({ ref, total: Number(/(\d+)/.exec(read(pagePath('/', script, ref)).querySelector('h1 .count')?.textContent ?? '')?.[1]) }))
		.sort((a, b) => b.total - a.total)[0]!;
}

describe.each(['hans', 'hant'] as const)('listings in %s', (script) => {
	const methodRefs = () =>
		readdirSync(path.join(out, pagePath('/', script, { kind: 'methods' })), { withFileTypes: true })
			.filter((e) => e.isDirectory())
			.map((e): PageRef => ({ kind: 'method', slug: e.name }));
	const provinceRefs = () =>
		readdirSync(path.join(out, pagePath('/', script, { kind: 'regions' })), { withFileTypes: true })
			.filter((e) => e.isDirectory() && e.name.endsWith('0000'))
			.map((e): PageRef => ({ kind: 'region', code: e.name }));

	it.each([
		['the most used method', methodRefs],
		['the province with most cases', provinceRefs],
	])('%s is split into pages of at most a page size of cases, each case on exactly one page', (_, refs) => {
		const { ref, total } = largest(refs(), script);
		expect(total, 'the generated corpus should give this listing more than one page').toBeGreaterThan(PAGE);
		const pages = listingPages(pagePath('/', script, ref));
		expect(pages).toHaveLength(Math.ceil(total / PAGE));
		const seen = pages.flatMap((page) => casesOn(page.doc));
		for (const page of pages) expect(casesOn(page.doc).length).toBeLessThanOrEqual(PAGE);
		expect(seen).toHaveLength(total);
		expect(new Set(seen).size).toBe(total);
		pages.forEach((page, i) => {
			expect(page.path).toBe(pagePath('/', script, { ...ref, page: i + 1 } as PageRef));
			const pager = page.doc.querySelector('.listing-pager')!;
			expect(pager.getAttribute('aria-label')).toBe(script === 'hans' ? '分页' : '分頁');
			expect(pager.querySelector('[aria-current="page"]')?.textContent).toBe(String(i + 1));
			expect(pager.textContent).toContain(script === 'hans' ? `第${i + 1}页，共${pages.length}页` : `第${i + 1}頁，共${pages.length}頁`);
			expect(pager.querySelector('a[rel="prev"]') !== null).toBe(i > 0);
			expect(pager.querySelector('a[rel="next"]') !== null).toBe(i < pages.length - 1);
			// The first and last pages and the neighbours are always linked; the rest may fold into “…”.
			const numbered = [...pager.querySelectorAll('li a:not([rel])')].map((a) => a.getAttribute('href'));
			for (const j of [0, i - 1, i + 1, pages.length - 1]) if (j >= 0 && j < pages.length && j !== i) expect(numbered).toContain(pages[j]!.path);
			for (const href of numbered) expect(pages.map((p) => p.path)).toContain(href);
			expect(page.doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(new RegExp(`${page.path}$`));
		});
	});

	it('the archive lists a page of issues at a time, pages 2… under /issues/page/N/', () => {
		const pages = listingPages(pagePath('/', script, { kind: 'issues' }));
		const segment = script === 'hans' ? 'zh-hans' : 'zh-hant';
		expect(pages.map((p) => p.path)).toEqual(pages.map((_, i) => (i === 0 ? `/${segment}/issues/` : `/${segment}/issues/page/${i + 1}/`)));
		const issues = pages.map((p) => p.doc.querySelectorAll('main .card-list li.card').length);
		expect(issues).toEqual(pages.map((_, i) => Math.min(PAGE, CASES / 2 - i * PAGE)));
		expect(issues.reduce((a, b) => a + b, 0)).toBe(CASES / 2);
	});

	it('every archive page indexes the years: issue counts adding up to all, each linking to the heading where its issues begin', () => {
		const pages = listingPages(pagePath('/', script, { kind: 'issues' }));
		const indexes = pages.map((p) =>
			[...p.doc.querySelectorAll('main nav.year-index li')].map((li) => ({
				year: li.querySelector('a')!.textContent,
				href: li.querySelector('a')!.getAttribute('href')!,
				count: Number(/(\d+)/.exec(li.querySelector('.count')!.textContent!)![1]),
			})),
		);
		for (const index of indexes) expect(index).toEqual(indexes[0]);
		const years = indexes[0]!;
		expect(years.length, 'the generated issues should span several years').toBeGreaterThan(1);
		expect(years.reduce((n, y) => n + y.count, 0)).toBe(CASES / 2);
		for (const y of years) {
			const [target, anchor] = y.href.split('#');
			const heading = read(target!).getElementById(anchor!);
			expect(heading?.tagName, y.href).toBe('H2');
			expect(heading?.textContent).toContain(y.year);
			// The year's issues: those under its headings on its pages.
			const listed = pages.flatMap((p) =>
				[...p.doc.querySelectorAll('main section')]
					.filter((s) => s.querySelector('h2')?.textContent?.startsWith(y.year!))
					.flatMap((s) => [...s.querySelectorAll('li.card')]),
			);
			expect(listed).toHaveLength(y.count);
		}
	});

	it('the metrics table shows four pages’ worth of figures at a time, every figure once', () => {
		const pages = listingPages(pagePath('/', script, { kind: 'metrics' }));
		const rows = pages.map((p) => p.doc.querySelectorAll('[data-metrics-table] tbody tr').length);
		const total = Number(/(\d+)/.exec(pages[0]!.doc.querySelector('main .lede')?.textContent ?? '')?.[1]);
		expect(pages.length).toBe(Math.ceil(total / (4 * PAGE)));
		expect(pages.length).toBeGreaterThan(2);
		for (const n of rows) expect(n).toBeLessThanOrEqual(4 * PAGE);
		expect(rows.reduce((a, b) => a + b, 0)).toBe(total);
	});
});

it('no built HTML page is over 300 KB, and no listing shows more than a page of cards', () => {
	const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
	expect(files.length).toBeGreaterThan(CASES * 2);
	const sizes = largestPages(out);
	expect(sizes.pages).toBe(files.length);
	expect(sizes.over, `largest: ${sizes.largest.map((p) => `${p.file} ${p.bytes} B`).join(', ')}`).toEqual([]);
	for (const file of files) {
		if (/\/(methods|regions)\//.test(file)) {
			const html = readFileSync(path.join(out, file), 'utf8');
			expect(html.split('<article class="card"').length - 1, file).toBeLessThanOrEqual(PAGE);
		}
	}
});

describe('an incremental rebuild of paginated listings', () => {
	it('a case title edit re-renders the listing pages that show the case and copies the other pages of those listings', async () => {
		// The first case on page 2 of the most used method: the method's pages 1 and 3 do not show it.
		const methods = readdirSync(path.join(out, 'zh-hans/methods'), { withFileTypes: true }).filter((e) => e.isDirectory());
		const { ref } = largest(
			methods.map((e): PageRef => ({ kind: 'method', slug: e.name })),
			'hans',
		);
		const method = (ref as { slug: string }).slug;
		const pages = listingPages(pagePath('/', 'hans', ref));
		expect(pages.length, 'the most used method should run to at least three pages').toBeGreaterThanOrEqual(3);
		const id = /cases\/([^/]+)\//.exec(casesOn(pages[1]!.doc)[0]!)![1]!;
		const before = snapshot(out);
		const keysBefore = cacheKeys(cache);
		const file = path.join(content, 'cases', `${id}.mdx`);
		const text = readFileSync(file, 'utf8');
		const edited = text.replace(/^(title: .*（)(\d+)）/m, '$1$2，改）');
		expect(edited, `the title of ${id} should be edited`).not.toBe(text);
		writeFileSync(file, edited);

		// The incremental and the clean build share nothing (own output, own cache): they run side by side.
		const incremental = path.join(work, 'incremental');
		const clean = path.join(work, 'clean');
		await Promise.all([
			buildSiteAsync(incremental, { content, cacheDir: cache, env }),
			buildSiteAsync(clean, { content, cacheDir: path.join(work, 'clean-cache'), env: { ...env, COMPENDIUM_INCREMENTAL: 'off' } }),
		]);
		const keysAfter = cacheKeys(cache);
		const after = snapshot(incremental);
		expect(changedFiles(after, snapshot(clean))).toEqual([]);

		const differs = changedFiles(before, after);
		const inScripts = (pathOf: (script: Script) => string) => (['hans', 'hant'] as const).map((script) => `${pathOf(script).slice(1)}index.html`);
		for (const page of [
			...inScripts((script) => pagePath('/', script, { kind: 'case', id })),
			...inScripts((script) => pagePath('/', script, { kind: 'method', slug: method, page: 2 })),
		])
			expect(differs, page).toContain(page);
		expect(after.get(`${pagePath('/', 'hans', { kind: 'method', slug: method, page: 2 }).slice(1)}index.html`)?.toString('utf8')).toContain('，改）');
		expectReused(
			[1, 3].flatMap((n) => inScripts((script) => pagePath('/', script, { kind: 'method', slug: method, page: n }))),
			differs,
			keysBefore,
			keysAfter,
		);
		// What a title does not reach: the archive (issues show no case titles), the region browse page, the data page.
		expectReused(
			[
				...inScripts((script) => pagePath('/', script, { kind: 'issues' })),
				...inScripts((script) => pagePath('/', script, { kind: 'regions' })),
				...inScripts((script) => pagePath('/', script, { kind: 'data' })),
			],
			differs,
			keysBefore,
			keysAfter,
		);
	}, 900_000);
});
