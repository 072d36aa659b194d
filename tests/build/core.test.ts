/**
 * The built sample compendium: every case, issue, region and method page exists in both
 * scripts with its title and figures.
 */
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { regionChain } from '../../src/lib/regions.ts';
import { pagePath } from '../../src/lib/routes.ts';
import { SCRIPTS } from '../../src/schemas/script.ts';
import { readPage } from '../support/site.ts';

const content = validateContent();
const cases = [...content.cases.values()].filter((c) => c.data.status === 'published');
const issues = [...content.issues.values()];
const text = (doc: Document, selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('case pages', () => {
	it('there are 8 published sample cases', () => {
		expect(cases).toHaveLength(8);
	});

	for (const entry of cases) {
		it(`${entry.id}: in its own script, with title, unit, figures and breadcrumb`, () => {
			const doc = readPage(pagePath('/', entry.data.script, { kind: 'case', id: entry.id }));
			expect(text(doc, 'h1')).toContain(entry.data.title);
			expect(doc.title).toContain(entry.data.title);
			expect(text(doc, '.meta-line')).toContain(entry.data.unit);
			const figures = [...doc.querySelectorAll('.figure-text')].map((el) => el.textContent);
			expect(figures).toEqual(entry.data.metrics.map((m) => m.text));
			const crumbs = [...doc.querySelectorAll('.breadcrumb a')].map((a) => a.getAttribute('href'));
			expect(crumbs).toEqual(regionChain(entry.data.region.code).map((d) => pagePath('/', entry.data.script, { kind: 'region', code: d.code })));
			expect(text(doc, '.prose').length).toBeGreaterThan(200);
		});

		it(`${entry.id}: exists in both scripts with lang, canonical and hreflang twins`, () => {
			for (const script of SCRIPTS) {
				const here = pagePath('/', script, { kind: 'case', id: entry.id });
				const doc = readPage(here);
				expect(doc.documentElement.lang).toBe(script === 'hans' ? 'zh-Hans' : 'zh-Hant');
				expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toMatch(new RegExp(`${here}$`));
				const alternates = [...doc.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => l.getAttribute('hreflang'));
				expect(alternates).toEqual(expect.arrayContaining(['zh-Hans', 'zh-Hant', 'x-default']));
				const figures = [...doc.querySelectorAll('.figure-text')].map((el) => el.getAttribute('data-value'));
				expect(figures).toEqual(entry.data.metrics.map((m) => String(m.value)));
			}
		});
	}
});

describe('issue, region and method pages', () => {
	for (const issue of issues) {
		it(`issue ${issue.id}: masthead, editor's note and contents in order`, () => {
			const doc = readPage(pagePath('/', issue.data.script, { kind: 'issue', id: issue.id }));
			expect(text(doc, '.issue-masthead .series')).toBe(issue.data.series);
			const tocLinks = [...doc.querySelectorAll('.toc a')].map((a) => a.getAttribute('href'));
			expect(tocLinks).toEqual(issue.data.cases.map((id) => pagePath('/', issue.data.script, { kind: 'case', id })));
			if (issue.body.trim()) expect(text(doc, '.editors-note').length).toBeGreaterThan(20);
		});
	}

	it('the issue archive lists every issue', () => {
		const doc = readPage(pagePath('/', 'hans', { kind: 'issues' }));
		const links = new Set([...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href')));
		for (const issue of issues) expect(links).toContain(pagePath('/', 'hans', { kind: 'issue', id: issue.id }));
	});

	it('region pages count cases down the hierarchy', () => {
		const doc = readPage(pagePath('/', 'hans', { kind: 'region', code: '140000' }));
		expect(text(doc, 'h1')).toMatch(/^山西省 3个案例$/);
		const yuncheng = readPage(pagePath('/', 'hans', { kind: 'region', code: '140800' }));
		expect(yuncheng.querySelectorAll('main .card')).toHaveLength(3);
		const root = readPage(pagePath('/', 'hant', { kind: 'regions' }));
		expect(text(root, 'main')).toContain('浙江省');
		expect(text(root, 'main')).toContain('運城市');
	});

	it('method pages list the cases that use them', () => {
		for (const method of content.methods.values()) {
			const doc = readPage(pagePath('/', 'hans', { kind: 'method', slug: method.slug }));
			const expected = cases.filter((c) => c.data.methods.includes(method.slug)).length;
			expect(doc.querySelectorAll('main .card')).toHaveLength(expected);
			expect(text(doc, 'h1')).toContain(method.name);
		}
	});

	it('the metrics view has one row per figure', () => {
		const doc = readPage(pagePath('/', 'hans', { kind: 'metrics' }));
		const total = cases.reduce((n, c) => n + c.data.metrics.length, 0);
		expect(doc.querySelectorAll('[data-metrics-table] tbody tr')).toHaveLength(total);
		expect(text(doc, '[data-metrics-table]')).toContain('1.2万人次');
	});

	it('the root offers both scripts and redirects without JavaScript to the default', () => {
		const doc = readPage('/');
		const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
		expect(hrefs).toEqual(['/zh-hans/', '/zh-hant/']);
		expect(doc.querySelector('noscript')?.innerHTML).toContain('url=/zh-hans/');
	});
});

// Links, assets and third-party references: tests/build/quality.test.ts (one walk, tests/support/links.ts).
