/**
 * The reader features in the built sample site: open data (cases.csv, metrics.csv,
 * cases.json and the 数据说明 codebook), the tile map and charts, the compare page, the
 * case page's 分享 (QR code) and 打印, the 大字 boot script, and the case page's
 * JavaScript budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sortCases } from '../../src/lib/compendium/issue-order.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { CASE_COLUMNS, METRIC_COLUMNS } from '../../src/lib/data-export/columns.ts';
import { CaseRecordSchema } from '../../src/lib/data-export/record.ts';
import { dataFilePath } from '../../src/lib/data-export/files.ts';
import { pagePath } from '../../src/lib/routes.ts';
import { SCRIPTS } from '../../src/schemas/script.ts';
import { readPage, siteDir } from '../support/site.ts';
import { parseCsv } from '../unit/reader/parse-csv.ts';

const content = validateContent();
const published = sortCases([...content.cases.values()].filter((c) => c.data.status === 'published'));
const figureCount = published.reduce((n, c) => n + c.data.metrics.length, 0);
const file = (sitePath: string) => readFileSync(path.join(siteDir(), sitePath.replace(/^\//, '')), 'utf8');
const text = (doc: Document, selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('open data', () => {
	for (const script of SCRIPTS) {
		it(`cases.csv (${script}): BOM, CRLF, one row per published case, columns from the schema`, () => {
			const csv = file(dataFilePath('/', script, 'cases.csv'));
			expect(csv.charCodeAt(0)).toBe(0xfeff);
			const [header, ...rows] = parseCsv(csv.slice(1));
			expect(header).toEqual(CASE_COLUMNS.map((c) => c.name));
			expect(rows.map((r) => r[0]).sort()).toEqual(published.map((c) => c.id).sort());
			for (const row of rows) expect(row).toHaveLength(header!.length);
			const yangquan = rows.find((r) => r[0] === 'changning-yangquan')!;
			const col = (name: string) => yangquan[header!.indexOf(name)];
			expect(col('region.code')).toBe('430482');
			expect(col('date')).toBe('2024-12-07');
			expect(col('title')).toContain(script === 'hans' ? '屋场党建' : '屋場黨建');
		});

		it(`metrics.csv (${script}): one row per figure, exact wording kept`, () => {
			const [header, ...rows] = parseCsv(file(dataFilePath('/', script, 'metrics.csv')).slice(1));
			expect(header).toEqual(METRIC_COLUMNS.map((c) => c.name));
			expect(rows).toHaveLength(figureCount);
			const first = published.find((c) => c.data.metrics.length > 0)!;
			const row = rows.find((r) => r[0] === first.id)!;
			expect(Number(row[header!.indexOf('value')])).toBe(first.data.metrics[0]!.value);
		});

		it(`cases.json (${script}): every record validates against the schema`, () => {
			const json = JSON.parse(file(dataFilePath('/', script, 'cases.json'))) as { script: string; count: number; cases: unknown[] };
			expect(json.script).toBe(script);
			expect(json.count).toBe(published.length);
			expect(json.cases).toHaveLength(published.length);
			for (const record of json.cases) {
				const parsed = CaseRecordSchema.safeParse(record);
				expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
			}
		});

		it(`数据说明 (${script}): the codebook lists every column of both files, with links to them`, () => {
			const doc = readPage(pagePath('/', script, { kind: 'data' }));
			const listed = (id: string) => [...doc.querySelectorAll(`[data-codebook="${id}"] tbody th`)].map((th) => th.textContent?.trim());
			expect(listed('codebook-cases')).toEqual(CASE_COLUMNS.map((c) => c.name));
			expect(listed('codebook-metrics')).toEqual(METRIC_COLUMNS.map((c) => c.name));
			for (const row of doc.querySelectorAll('.codebook tbody tr')) expect(row.querySelector('td:last-child')?.textContent?.trim()).not.toBe('');
			const links = [...doc.querySelectorAll('.data-files a')].map((a) => a.getAttribute('href'));
			expect(links).toEqual(['cases.csv', 'metrics.csv', 'cases.json'].map((f) => dataFilePath('/', script, f as 'cases.csv')));
		});

		it(`footer and 数据 page (${script}) link to the open data`, () => {
			for (const ref of [{ kind: 'home' }, { kind: 'metrics' }] as const) {
				const hrefs = [...readPage(pagePath('/', script, ref)).querySelectorAll('a')].map((a) => a.getAttribute('href'));
				expect(hrefs).toContain(pagePath('/', script, { kind: 'data' }));
				expect(hrefs).toContain(dataFilePath('/', script, 'cases.csv'));
			}
		});
	}
});

describe('map and charts', () => {
	for (const script of SCRIPTS) {
		it(`regions page (${script}): 34 tiles, each province with cases linking to its page, and a table`, () => {
			const doc = readPage(pagePath('/', script, { kind: 'regions' }));
			const svg = doc.querySelector('.tile-map svg')!;
			expect(svg.querySelectorAll('rect')).toHaveLength(34);
			const provinces = new Set(published.map((c) => `${c.data.region.code.slice(0, 2)}0000`));
			const links = [...svg.querySelectorAll('a')].map((a) => a.getAttribute('href'));
			expect(links.sort()).toEqual([...provinces].map((code) => pagePath('/', script, { kind: 'region', code })).sort());
			for (const href of links) expect(() => readPage(href!)).not.toThrow();
			expect(doc.querySelectorAll('.tile-map table tbody tr')).toHaveLength(provinces.size);
			expect(text(doc, '.tile-map svg')).toContain(script === 'hans' ? '黑龙江' : '黑龍江');
			expect(doc.querySelectorAll('.map-legend li').length).toBeGreaterThan(2);
		});

		it(`province page (${script}): a chart of its cities and counties`, () => {
			const doc = readPage(pagePath('/', script, { kind: 'region', code: '140000' }));
			const labels = [...doc.querySelectorAll('#subdivisions-title ~ svg text:not(.chart-value)')].map((t) => t.textContent);
			expect(labels).toContain(script === 'hans' ? '运城市' : '運城市');
			expect(labels).toContain(script === 'hans' ? '夏县' : '夏縣');
		});

		it(`数据 page (${script}): charts of cases per year and figures by unit`, () => {
			const doc = readPage(pagePath('/', script, { kind: 'metrics' }));
			const years = [...doc.querySelectorAll('#per-year-title ~ details table tbody tr')].map((tr) => Number(tr.lastElementChild?.textContent));
			expect(years.reduce((a, b) => a + b, 0)).toBe(published.length);
			expect(doc.querySelectorAll('#by-unit-title ~ svg rect').length).toBeGreaterThan(3);
		});
	}

	it('methods without a published case are not listed', () => {
		const used = new Set(published.flatMap((c) => c.data.methods));
		const listed = [...readPage(pagePath('/', 'hans', { kind: 'methods' })).querySelectorAll('.card h3 a')].map((a) => a.getAttribute('href'));
		expect(listed.length).toBe(used.size);
		for (const slug of content.methods.keys()) {
			if (!used.has(slug)) expect(listed).not.toContain(pagePath('/', 'hans', { kind: 'method', slug }));
		}
	});
});

describe('case page and compare page', () => {
	const entry = published[0]!;
	for (const script of SCRIPTS) {
		it(`case page (${script}): 对比, 打印, 分享 with the page address and an inline QR code`, () => {
			const here = pagePath('/', script, { kind: 'case', id: entry.id });
			const doc = readPage(here);
			const canonical = doc.querySelector('link[rel=canonical]')?.getAttribute('href');
			expect((doc.querySelector('#share-url') as HTMLInputElement).value).toBe(canonical);
			const qr = doc.querySelector('.share-qr svg');
			expect(qr?.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
			expect(qr?.querySelectorAll('path').length).toBeGreaterThan(0);
			expect(doc.querySelector(`[data-compare-id="${entry.id}"]`)).not.toBeNull();
			expect(doc.querySelector('[data-print]')).not.toBeNull();
			expect(text(doc, '.print-foot')).toContain(canonical!);
		});

		it(`compare page (${script}) exists and explains itself without JavaScript`, () => {
			const doc = readPage(pagePath('/', script, { kind: 'compare' }));
			expect(doc.querySelector('noscript')?.textContent).toMatch(/JavaScript/);
			expect(doc.querySelector('#compare-config')).not.toBeNull();
		});
	}

	it('every page sets the 大字 mode in <head> before anything is drawn', () => {
		const doc = readPage(pagePath('/', 'hans', { kind: 'case', id: entry.id }));
		const head = [...doc.head.children];
		const boot = head.findIndex((el) => el.tagName === 'SCRIPT' && /compendium-reading/.test(el.textContent ?? ''));
		const firstStyle = head.findIndex((el) => el.tagName === 'LINK' && el.getAttribute('rel') === 'stylesheet');
		expect(boot).toBeGreaterThan(-1);
		expect(boot < firstStyle || firstStyle === -1).toBe(true);
		expect(doc.querySelector('[data-reading-toggle]')).not.toBeNull();
	});

	it('the case page loads at most 5 KB (gzip) of JavaScript', () => {
		const doc = readPage(pagePath('/', 'hans', { kind: 'case', id: entry.id }));
		const seen = new Set<string>();
		let bytes = 0;
		const add = (src: string) => {
			if (seen.has(src)) return;
			seen.add(src);
			const code = file(src);
			bytes += gzipSync(code).length;
			// Modules the entry imports are loaded too.
			for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) add(path.posix.join(path.posix.dirname(src), m[1]!));
		};
		for (const script of doc.querySelectorAll('script')) {
			const src = script.getAttribute('src');
			if (src) add(src);
			else if (script.getAttribute('type') !== 'application/json') bytes += gzipSync(script.textContent ?? '').length;
		}
		expect(bytes).toBeGreaterThan(500);
		expect(bytes).toBeLessThanOrEqual(5 * 1024);
	});
});
