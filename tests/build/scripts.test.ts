/**
 * Every page exists in both scripts and each twin is really in its script: converting a
 * 繁體 page's text to traditional again changes nothing (no simplified characters left),
 * and likewise for 简体 pages.
 */
import { describe, expect, it } from 'vitest';
import { siteConverter } from '../../src/lib/convert/site-converter.ts';
import { allPages, hasPage, readPage } from '../support/site.ts';

const hansPages = allPages().filter((p) => p.startsWith('/zh-hans/') && !p.includes('/print/'));
const hantPages = allPages().filter((p) => p.startsWith('/zh-hant/') && !p.includes('/print/'));
/** The page's main text, leaving out passages marked as another language (e.g. 简体 on a 繁體 page). */
function mainText(doc: Document): string {
	const main = doc.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
	if (!main) return '';
	for (const other of main.querySelectorAll(`[lang]:not([lang="${doc.documentElement.lang}"])`)) other.remove();
	return main.textContent?.replace(/\s+/g, '') ?? '';
}

/**
 * Characters correct in both scripts that OpenCC still maps one way: 著 (显著, 著名 are
 * simplified too) and 了 (了解 is also traditional, beside Taiwan's 瞭解).
 */
const VALID_IN_BOTH = new Set(['著', '了']);

function differingCharacters(text: string, converted: string): string[] {
	const a = Array.from(text);
	const b = Array.from(converted);
	if (a.length !== b.length) return [`length ${a.length} → ${b.length}`];
	return a.flatMap((ch, i) => (ch === b[i] || VALID_IN_BOTH.has(ch) ? [] : [`${ch}→${b[i]}`]));
}

describe('both scripts', () => {
	it('has pages in both scripts', () => {
		expect(hansPages.length).toBeGreaterThan(40);
		expect(hantPages.length).toBe(hansPages.length);
	});

	it('every 简体 page has its 繁體 twin and the reverse', () => {
		expect(hansPages.filter((p) => !hasPage(p.replace('/zh-hans/', '/zh-hant/')))).toEqual([]);
		expect(hantPages.filter((p) => !hasPage(p.replace('/zh-hant/', '/zh-hans/')))).toEqual([]);
	});

	it('each twin is in its own script', () => {
		const converter = siteConverter();
		const problems: string[] = [];
		for (const page of hansPages) {
			const hans = mainText(readPage(page));
			const hant = mainText(readPage(page.replace('/zh-hans/', '/zh-hant/')));
			const leftInHant = differingCharacters(hant, converter.convert(hant, 'hans', 'hant'));
			const leftInHans = differingCharacters(hans, converter.convert(hans, 'hant', 'hans'));
			if (leftInHant.length) problems.push(`${page} 繁體 twin still has simplified: ${leftInHant.slice(0, 8).join(' ')}`);
			if (leftInHans.length) problems.push(`${page} has traditional: ${leftInHans.slice(0, 8).join(' ')}`);
			if (hans === hant && /\p{Script=Han}{4}/u.test(hans)) problems.push(`${page} twins are identical`);
		}
		expect(problems).toEqual([]);
	});

	it('sets lang and links each page to its twin', () => {
		for (const page of [...hansPages.slice(0, 20), ...hantPages.slice(0, 20)]) {
			const doc = readPage(page);
			const hant = page.startsWith('/zh-hant/');
			expect(doc.documentElement.lang).toBe(hant ? 'zh-Hant' : 'zh-Hans');
			const twin = hant ? page.replace('/zh-hant/', '/zh-hans/') : page.replace('/zh-hans/', '/zh-hant/');
			expect(doc.querySelector('.script-switch')?.getAttribute('href')).toBe(twin);
			expect(doc.querySelector(`link[rel=alternate][hreflang=${hant ? 'zh-Hans' : 'zh-Hant'}]`)?.getAttribute('href')).toMatch(
				new RegExp(`${twin}$`),
			);
		}
	});

	it('figures keep their wording in both scripts', () => {
		const hans = readPage('/zh-hans/cases/jixi-shangzhuang/');
		const hant = readPage('/zh-hant/cases/jixi-shangzhuang/');
		const figures = (doc: Document) => [...doc.querySelectorAll('.figure-text')].map((el) => el.textContent);
		expect(figures(hant)).toContain('2.54億元');
		expect(figures(hans)).toContain('2.54亿元');
		expect(figures(hans)).toContain('58.3%');
		expect(figures(hant)).toContain('58.3%');
	});
});
