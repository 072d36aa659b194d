/**
 * The search page in headless Chromium against the built sample site: each query of the
 * issue typed in both scripts on both script versions of the site, facet filters and
 * their counts, a shared URL reloaded, and reaching a result by keyboard alone.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/build/browser.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { regionChain } from '../../src/lib/regions.ts';
import { pagePath } from '../../src/lib/routes.ts';
import { SCRIPTS, type Script } from '../../src/schemas/script.ts';
import { ISSUE_QUERIES } from '../unit/search/queries.ts';
import { readPage, siteUrl } from '../support/site.ts';

const cases = [...validateContent().cases.values()].filter((c) => c.data.status === 'published');
const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');
const caseDoc = (id: string, script: Script) => readPage(pagePath('/', script, { kind: 'case', id }));
/** A case's title as its page in `script` shows it. */
const titleIn = (id: string, script: Script) => flat(caseDoc(id, script).querySelector('h1')?.textContent);
/** The cases whose page shows the query (in either script's form). */
const casesShowing = (hans: string, hant: string) =>
	cases
		.filter(
			(c) =>
				flat(caseDoc(c.id, 'hans').querySelector('article.case')?.textContent).includes(hans) ||
				flat(caseDoc(c.id, 'hant').querySelector('article.case')?.textContent).includes(hant),
		)
		.map((c) => c.id);

const RESULT = '.search-result:not([aria-busy]) h3 a';
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function openSearch(script: Script, query = ''): Promise<Page> {
	const page = await browser.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${siteUrl()}${pagePath('/', script, { kind: 'search' }).slice(1)}${query}`);
	// Drawn for the URL's own query, not a status or list from before the query was applied.
	const q = new URLSearchParams(query).get('q') ?? '';
	await page.waitForFunction(
		(expected) =>
			document.querySelector('#search-status')?.textContent &&
			!document.querySelector('.search-result[aria-busy]') &&
			((document.querySelector('#search-results') as HTMLElement).dataset.query ?? '') === expected,
		q,
	);
	expect(errors).toEqual([]);
	return page;
}

/** Types into the search box and waits until the results for it are drawn. */
async function typeQuery(page: Page, query: string): Promise<void> {
	await page.fill('#search-q', query);
	await page.waitForFunction(
		(q) => (document.querySelector('#search-results') as HTMLElement).dataset.query === q && !document.querySelector('.search-result[aria-busy]'),
		query,
		{ timeout: 20_000 },
	);
}

const resultTitles = (page: Page) => page.$$eval('.search-result h3 a', (links) => links.map((a) => (a.textContent ?? '').replace(/\s+/g, '')));
const resultHrefs = (page: Page) => page.$$eval('.search-result h3 a', (links) => links.map((a) => a.getAttribute('href')));

// Each test opens pages of its own on the static site: the tests of a group run side by side, with their own `expect`.
describe.concurrent('queries in either script, on either version of the site', () => {
	for (const script of SCRIPTS) {
		it(`the ${script} site finds each case by the issue's phrases, typed in 简体 and 繁體`, async ({ expect }) => {
			const page = await openSearch(script);
			for (const [hans, hant] of ISSUE_QUERIES) {
				const expected = casesShowing(hans, hant);
				expect(expected.length, hans).toBeGreaterThan(0);
				for (const query of [hans, hant]) {
					await typeQuery(page, query);
					expect((await resultTitles(page)).sort(), `${query} on the ${script} site`).toEqual(expected.map((id) => titleIn(id, script)).sort());
					expect((await resultHrefs(page)).sort()).toEqual(expected.map((id) => pagePath('/', script, { kind: 'case', id })).sort());
					// The match is highlighted, in the site's script whatever the reader typed.
					const marks = await page.$$eval('.search-result mark', (els) => els.map((el) => el.textContent));
					expect(marks, query).toContain(script === 'hans' ? hans : hant);
					expect(await page.textContent('#search-status')).toContain(String(expected.length));
					expect(new URL(page.url()).searchParams.get('q')).toBe(query);
				}
			}
			await page.close();
		});
	}

	it('shows a helpful empty state for a phrase found nowhere', async ({ expect }) => {
		const page = await openSearch('hans', '?q=量子计算');
		expect(await page.textContent('#search-status')).toBe('没有找到包含“量子计算”的案例。');
		expect(await page.isVisible('[data-search-empty]')).toBe(true);
		expect(await page.$$('.search-result')).toHaveLength(0);
		await typeQuery(page, '枫桥经验');
		expect(await page.isVisible('[data-search-empty]')).toBe(false);
		await page.close();
	});
});

describe.concurrent('facets', () => {
	const shanxi = cases.filter((c) => c.data.region.code.startsWith('14'));

	it('browses with no query, newest first, and counts each place', async ({ expect }) => {
		const page = await openSearch('hans');
		await page.waitForFunction(() => (document.querySelector('#filter-province') as HTMLSelectElement).options.length > 1);
		expect(await page.textContent('#search-status')).toBe(`共${cases.length}个案例`);
		const newest = [...cases].sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id))[0]!;
		expect((await resultTitles(page))[0]).toBe(titleIn(newest.id, 'hans'));
		const options = await page.$$eval('#filter-province option', (els) => els.map((el) => el.textContent));
		expect(options).toContain(`山西省（${shanxi.length}）`);
		await page.close();
	});

	it('combines filters with a query, keeps them in the URL, and counts the alternatives', async ({ expect }) => {
		const page = await openSearch('hant', '?q=五面紅旗');
		await page.waitForFunction(() => (document.querySelector('#filter-county') as HTMLSelectElement).options.length > 1);
		const withPhrase = casesShowing('五面红旗', '五面紅旗');
		expect(await page.textContent('#search-status')).toBe(`找到${withPhrase.length}個案例`);
		const county = shanxi.find((c) => withPhrase.includes(c.id))!.data.region.code;
		await page.selectOption('#filter-county', county);
		await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 1);
		expect(new URL(page.url()).searchParams.get('county')).toBe(county);
		// The county's own choice is left out of its counts: the other counties still show.
		const countyOptions = await page.$$eval('#filter-county option', (els) => els.map((el) => el.textContent));
		expect(countyOptions.filter((o) => /（\d+）$/.test(o ?? ''))).toHaveLength(withPhrase.length);
		// Facet labels are in the page's script.
		const name = regionChain(county).at(-1)!.name;
		expect(countyOptions.join()).not.toContain(name === '夏县' ? '夏县' : '区');
		await page.selectOption('#filter-year', '2021');
		await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2021');
		expect(await page.$$('.search-result')).toHaveLength(1);
		await page.click('[data-search-filters] [data-clear-filters]');
		await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, withPhrase.length);
		await page.close();
	});

	it('reloads a shared URL into the same view, filters and sort included', async ({ expect }) => {
		const url = `?q=${encodeURIComponent('党建')}&province=430000&sort=oldest`;
		const first = await openSearch('hans', url);
		const titles = await resultTitles(first);
		expect(titles.length).toBeGreaterThan(0);
		await first.reload();
		await first.waitForFunction(() => document.querySelector('.search-result h3 a') && !document.querySelector('.search-result[aria-busy]'));
		expect(await resultTitles(first)).toEqual(titles);
		await first.close();
		const second = await openSearch('hans', url);
		await second.waitForFunction(() => (document.querySelector('#filter-province') as HTMLSelectElement).options.length > 1);
		expect(await resultTitles(second)).toEqual(titles);
		expect(await second.inputValue('#search-q')).toBe('党建');
		expect(await second.inputValue('#filter-province')).toBe('430000');
		expect(await second.inputValue('#search-sort')).toBe('oldest');
		const hunan = cases.filter(
			(c) => c.data.region.code.startsWith('43') && flat(caseDoc(c.id, 'hans').querySelector('article.case')?.textContent).includes('党建'),
		);
		const oldestFirst = [...hunan].sort((a, b) => a.data.date.getTime() - b.data.date.getTime() || b.id.localeCompare(a.id));
		expect(titles).toEqual(oldestFirst.map((c) => titleIn(c.id, 'hans')));
		await second.close();
	});
});

describe('keyboard and screen readers', () => {
	it('reaches a result by keyboard alone and announces the count', async () => {
		const page = await openSearch('hans');
		let focused = '';
		for (let i = 0; i < 30 && focused !== 'search-q'; i++) {
			await page.keyboard.press('Tab');
			focused = await page.evaluate(() => document.activeElement?.id ?? '');
		}
		expect(focused).toBe('search-q');
		await page.keyboard.type('五面红旗');
		await page.waitForFunction(
			() =>
				(document.querySelector('#search-results') as HTMLElement).dataset.query === '五面红旗' &&
				!document.querySelector('.search-result[aria-busy]'),
		);
		expect(await page.getAttribute('#search-status', 'role')).toBe('status');
		expect(await page.textContent('#search-status')).toMatch(/^找到\d+个案例$/);
		await page.keyboard.press('ArrowDown');
		const hrefs = await resultHrefs(page);
		expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(hrefs[0]);
		await page.keyboard.press('ArrowDown');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(hrefs[1]);
		await page.keyboard.press('Escape');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
		await page.keyboard.press('ArrowDown');
		await Promise.all([page.waitForURL(`**${hrefs[0]}`), page.keyboard.press('Enter')]);
		await page.close();
	});

	it('searches the text an input method commits, not the letters it is still composing', async () => {
		const page = await openSearch('hans');
		await page.evaluate(() => {
			const list = document.querySelector('#search-results') as HTMLElement;
			const drawn: string[] = [];
			(window as unknown as { drawn: string[] }).drawn = drawn;
			new MutationObserver(() => drawn.push(list.dataset.query ?? '')).observe(list, { attributes: true, attributeFilter: ['data-query'] });
			const input = document.querySelector<HTMLInputElement>('#search-q')!;
			input.dispatchEvent(new CompositionEvent('compositionstart'));
			for (const text of ['w', 'wu', 'wum', '五面红旗']) {
				input.value = text;
				input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
			}
			input.dispatchEvent(new CompositionEvent('compositionend', { data: '五面红旗' }));
		});
		await page.waitForFunction(() => (document.querySelector('#search-results') as HTMLElement).dataset.query === '五面红旗');
		expect(await page.evaluate(() => (window as unknown as { drawn: string[] }).drawn)).toEqual(['五面红旗']);
		await page.close();
	});

	it('offers the results as CSV once they are drawn', async () => {
		const page = await openSearch('hans', `?q=${encodeURIComponent('枫桥经验')}`);
		await page.waitForSelector('[data-download-results]:not([hidden])');
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download-results]')]);
		const csv = readFileSync((await download.path())!, 'utf8');
		const ids = (await resultHrefs(page)).map((href) => href!.split('/').filter(Boolean).at(-1)!);
		expect(ids.length).toBeGreaterThan(0);
		for (const id of ids) expect(csv).toContain(id);
		await page.close();
	});

	it('the header search box of any page lands on the search page with results', async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl()}${pagePath('/', 'hant', { kind: 'case', id: cases[0]!.id }).slice(1)}`);
		await page.fill('#header-q', '积分超市');
		await Promise.all([page.waitForURL('**/zh-hant/search/?q=*'), page.press('#header-q', 'Enter')]);
		await page.waitForSelector(RESULT);
		expect(await page.inputValue('#search-q')).toBe('积分超市');
		expect((await resultTitles(page)).length).toBe(casesShowing('积分超市', '積分超市').length);
		await page.close();
	});
});
