/**
 * The search index of the built sample site: written by `npm run build`, one index for
 * both scripts, and Pagefind's own pagefind.js (run in Node) finds each query of the
 * issue, typed in either script, in exactly the cases whose page shows it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/content/validate.ts';
import { MANIFEST_FILE, PAGEFIND_DIR, SEARCH_DATA_DIR, type SearchManifest } from '../../src/lib/search/layout.ts';
import { openNodeSearch, type NodeSearch } from '../../src/lib/search/node-client.ts';
import { pagePath } from '../../src/lib/routes.ts';
import { SCRIPTS } from '../../src/schemas/script.ts';
import { ISSUE_QUERIES } from '../unit/search/queries.ts';
import { allPages, readPage, siteDir } from '../support/site.ts';

const cases = [...validateContent().cases.values()].filter((c) => c.data.status === 'published');
const flat = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, '');
/** What a case page shows of the case itself (not its neighbours' titles), in a script. */
const articleText = (id: string, script: 'hans' | 'hant') =>
	flat(readPage(pagePath('/', script, { kind: 'case', id })).querySelector('article.case')?.textContent);

describe('the search index', () => {
	let search: NodeSearch;
	let manifest: SearchManifest;

	beforeAll(async () => {
		manifest = JSON.parse(readFileSync(path.join(siteDir(), SEARCH_DATA_DIR, MANIFEST_FILE), 'utf8')) as SearchManifest;
		search = await openNodeSearch(siteDir());
	});
	afterAll(async () => {
		await search?.close();
	});

	it('holds every published case once, with Pagefind’s bundle beside it', () => {
		expect(manifest.pages).toBe(cases.length);
		const bundle = path.join(siteDir(), PAGEFIND_DIR);
		expect(existsSync(path.join(bundle, 'pagefind.js'))).toBe(true);
		const entry = JSON.parse(readFileSync(path.join(bundle, manifest.version, 'pagefind-entry.json'), 'utf8'));
		expect(Object.values(entry.languages)).toEqual([expect.objectContaining({ page_count: cases.length })]);
		const ids = Array.from({ length: manifest.pages }, (_, page) => search.display(page, 'hans').id);
		expect(ids.sort()).toEqual(cases.map((c) => c.id).sort());
	});

	it('shows each result in the reader’s script, as its case page does', () => {
		for (let page = 0; page < manifest.pages; page++) {
			for (const script of SCRIPTS) {
				const display = search.display(page, script);
				const doc = readPage(pagePath('/', script, { kind: 'case', id: display.id }));
				expect(flat(display.t)).toBe(flat(doc.querySelector('h1')?.textContent));
				expect(doc.querySelector('.meta-line')?.textContent).toContain(display.u);
			}
		}
	});

	for (const [hans, hant] of ISSUE_QUERIES) {
		it(`finds ${hans} / ${hant} in exactly the cases whose page shows it`, async () => {
			const expected = cases
				.filter((c) => articleText(c.id, 'hans').includes(hans) || articleText(c.id, 'hant').includes(hant))
				.map((c) => c.id)
				.sort();
			expect(expected.length).toBeGreaterThan(0);
			expect((await search.caseIds(hans)).sort()).toEqual(expected);
			expect((await search.caseIds(hant)).sort()).toEqual(expected);
		});
	}

	// Phrases through a <Zh> element of a sample case: its page shows the element's text inline, so the index must hold it there too.
	for (const [hans, hant, id] of [
		['并向市委组织部推荐', '並向市委組織部推薦', 'yuncheng-xiaxian'],
		['并集聚片', '並集聚片', 'changning-yangquan'],
		['着力打造', '著力打造', 'jixi-shangzhuang'],
	] as const) {
		it(`finds ${hans} / ${hant}, written through a <Zh> element in ${id}, in exactly the cases whose page shows it`, async () => {
			const expected = cases
				.filter((c) => articleText(c.id, 'hans').includes(hans) || articleText(c.id, 'hant').includes(hant))
				.map((c) => c.id)
				.sort();
			expect(expected).toContain(id);
			expect((await search.caseIds(hans)).sort()).toEqual(expected);
			expect((await search.caseIds(hant)).sort()).toEqual(expected);
		});
	}

	it('finds nothing for text no case has', async () => {
		expect(await search.caseIds('报告村情')).toEqual([]);
		expect(await search.caseIds('量子计算')).toEqual([]);
	});
});

describe('the search page', () => {
	it('exists in both scripts, as a form that works without the script too', () => {
		for (const script of SCRIPTS) {
			const doc = readPage(pagePath('/', script, { kind: 'search' }));
			const form = doc.querySelector('form[data-search-form]');
			expect(form?.getAttribute('method')).toBe('get');
			expect(form?.querySelector('input[name=q]')?.getAttribute('id')).toBe('search-q');
			expect(doc.querySelector('label[for=search-q]')).not.toBeNull();
			expect(doc.querySelector('#search-status')?.getAttribute('role')).toBe('status');
			expect(doc.querySelector('noscript')?.textContent?.length).toBeGreaterThan(10);
			const config = JSON.parse(doc.querySelector('#search-config')?.textContent ?? '{}');
			expect(config.script).toBe(script);
		}
	});

	it('is the only page that loads the search script', () => {
		const searchPages = SCRIPTS.map((script) => pagePath('/', script, { kind: 'search' }));
		const scriptsOf = (page: string) => [...readPage(page).querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? '');
		// The search page's own scripts: those the home page (same layout) does not load.
		const shared = new Set(scriptsOf(pagePath('/', 'hans', { kind: 'home' })));
		const searchScripts = new Set(searchPages.flatMap(scriptsOf).filter((src) => !shared.has(src)));
		expect(searchScripts.size).toBeGreaterThan(0);
		for (const page of allPages().filter((p) => !searchPages.includes(p))) {
			for (const src of scriptsOf(page)) expect(searchScripts.has(src), `${page} loads ${src}`).toBe(false);
		}
	});
});
