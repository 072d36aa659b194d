/**
 * What the build publishes besides pages: the sitemap with hreflang twins, robots.txt,
 * RSS feeds of cases and issues in each script, web app manifests, social-card meta,
 * the filing numbers in the footer and the 404 pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sortCases, sortIssues } from '../../src/lib/compendium/issue-order.ts';
import { localizeCase } from '../../src/lib/compendium/localize.ts';
import { loadSiteConfig } from '../../src/lib/content/site-config.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { SCRIPT_LANG } from '../../src/lib/i18n/scripts.ts';
import { FEED_CASE_LIMIT } from '../../src/lib/publish/feed.ts';
import { feedPath, manifestPath, pagePath } from '../../src/lib/routes.ts';
import { SCRIPTS } from '../../src/schemas/script.ts';
import { allPages, readPage, siteDir } from '../support/site.ts';

const site = loadSiteConfig();
const base = site.base;
const content = validateContent();
const cases = [...content.cases.values()].filter((c) => c.data.status === 'published');
const issues = [...content.issues.values()].filter((issue) => issue.data.cases.some((id) => cases.some((c) => c.id === id)));
const absolute = (sitePath: string) => new URL(sitePath, site.url).href;
const readBuilt = (sitePath: string) => readFileSync(path.join(siteDir(), sitePath.slice(base.length)), 'utf8');
const xml = (text: string) => new JSDOM(text, { contentType: 'text/xml' }).window.document;

describe('sitemap', () => {
	const index = xml(readBuilt(`${base}sitemap-index.xml`));
	const sitemapUrls = [...index.getElementsByTagName('loc')].map((loc) => loc.textContent ?? '');
	const entries = sitemapUrls.flatMap((url) => {
		const doc = xml(readBuilt(new URL(url).pathname));
		return [...doc.getElementsByTagName('url')].map((node) => ({
			loc: node.getElementsByTagName('loc')[0]?.textContent ?? '',
			alternates: [...node.getElementsByTagName('xhtml:link')].map((l) => ({ lang: l.getAttribute('hreflang'), href: l.getAttribute('href') })),
		}));
	});
	const listed = new Set(entries.map((e) => e.loc));

	it('the index points at sitemaps on the public URL', () => {
		expect(sitemapUrls.length).toBeGreaterThan(0);
		for (const url of sitemapUrls) expect(url.startsWith(absolute(base))).toBe(true);
	});

	it('lists every case, issue, region and method page in both scripts', () => {
		for (const script of SCRIPTS) {
			const expected = [
				pagePath(base, script, { kind: 'home' }),
				pagePath(base, script, { kind: 'issues' }),
				pagePath(base, script, { kind: 'regions' }),
				pagePath(base, script, { kind: 'methods' }),
				pagePath(base, script, { kind: 'metrics' }),
				...cases.map((c) => pagePath(base, script, { kind: 'case', id: c.id })),
				...issues.map((i) => pagePath(base, script, { kind: 'issue', id: i.id })),
				...[...content.methods.values()].map((m) => pagePath(base, script, { kind: 'method', slug: m.slug })),
			];
			for (const page of expected) expect(listed, `${page} missing from the sitemap`).toContain(absolute(page));
		}
	});

	it('lists no page that asks not to be indexed or names another canonical URL (root redirect, 404s, print layouts)', () => {
		const wrong: string[] = [];
		for (const loc of listed) {
			const doc = readPage(new URL(loc).pathname.slice(base.length - 1));
			if (doc.querySelector('meta[name=robots][content*=noindex]')) wrong.push(`${loc}: noindex`);
			const canonical = doc.querySelector('link[rel=canonical]')?.getAttribute('href');
			if (canonical && canonical !== loc) wrong.push(`${loc}: canonical is ${canonical}`);
		}
		expect(wrong).toEqual([]);
		expect(listed).not.toContain(absolute(base));
		expect(listed).not.toContain(absolute(pagePath(base, 'hans', { kind: 'notFound' })));
	});

	it('every entry names its twin in the other script with hreflang', () => {
		for (const entry of entries) {
			const langs = entry.alternates.map((a) => a.lang).sort();
			expect(langs, entry.loc).toEqual([SCRIPT_LANG.hans, SCRIPT_LANG.hant]);
			const hans = entry.alternates.find((a) => a.lang === SCRIPT_LANG.hans)?.href ?? '';
			const hant = entry.alternates.find((a) => a.lang === SCRIPT_LANG.hant)?.href ?? '';
			expect(hans.replace('/zh-hans/', '/zh-hant/')).toBe(hant);
			expect([hans, hant]).toContain(entry.loc);
		}
	});
});

describe('robots.txt', () => {
	it('names the sitemap index at the site URL and base from content/site.yaml', () => {
		const robots = readBuilt(`${base}robots.txt`);
		expect(robots).toMatch(/^User-agent: \*$/m);
		expect(robots).toContain(`Sitemap: ${absolute(`${base}sitemap-index.xml`)}`);
		expect(existsSync(path.join(siteDir(), 'sitemap-index.xml'))).toBe(true);
	});
});

describe('feeds', () => {
	for (const script of SCRIPTS) {
		it(`${script}: the cases feed lists the newest cases with titles and summaries in ${SCRIPT_LANG[script]}`, () => {
			const doc = xml(readBuilt(feedPath(base, script, 'cases')));
			expect(doc.querySelector('channel > language')?.textContent).toBe(SCRIPT_LANG[script]);
			const items = [...doc.querySelectorAll('item')];
			const expected = sortCases(cases).slice(0, FEED_CASE_LIMIT);
			expect(items).toHaveLength(expected.length);
			items.forEach((item, i) => {
				const entry = expected[i]!;
				const text = localizeCase(entry.data, script);
				expect(item.querySelector('title')?.textContent).toBe(text.subtitle ? `${text.title}——${text.subtitle}` : text.title);
				expect(item.querySelector('description')?.textContent).toBe(text.summary);
				expect(item.querySelector('link')?.textContent).toBe(absolute(pagePath(base, script, { kind: 'case', id: entry.id })));
				expect(new Date(item.querySelector('pubDate')?.textContent ?? '').getTime()).toBe(entry.data.date.getTime());
			});
		});

		it(`${script}: the issues feed lists every issue, newest first, with its contents`, () => {
			const doc = xml(readBuilt(feedPath(base, script, 'issues')));
			const items = [...doc.querySelectorAll('item')];
			const expected = sortIssues(issues);
			expect(items.map((item) => item.querySelector('link')?.textContent)).toEqual(
				expected.map((issue) => absolute(pagePath(base, script, { kind: 'issue', id: issue.id }))),
			);
			const first = expected[0]!;
			const firstCase = cases.find((c) => c.id === first.data.cases[0])!;
			expect(items[0]?.querySelector('description')?.textContent).toContain(localizeCase(firstCase.data, script).title);
		});
	}

	it('the two scripts really differ: the 繁體 feed is converted, not a copy', () => {
		const hans = readBuilt(feedPath(base, 'hans', 'cases'));
		const hant = readBuilt(feedPath(base, 'hant', 'cases'));
		expect(hant).not.toBe(hans);
		expect(hant).toContain(localizeCase(sortCases(cases)[0]!.data, 'hant').summary);
	});

	it('every page advertises both feeds of its script', () => {
		for (const script of SCRIPTS) {
			const doc = readPage(pagePath(base, script, { kind: 'home' }).slice(base.length - 1));
			const feeds = [...doc.querySelectorAll('link[rel=alternate][type="application/rss+xml"]')].map((l) => l.getAttribute('href'));
			expect(feeds).toEqual([feedPath(base, script, 'cases'), feedPath(base, script, 'issues')]);
		}
	});
});

describe('web app manifest, icons and social cards', () => {
	for (const script of SCRIPTS) {
		it(`${script}: the manifest names the site in its script and starts at its home`, () => {
			const manifest = JSON.parse(readBuilt(manifestPath(base, script))) as Record<string, unknown>;
			expect(manifest.lang).toBe(SCRIPT_LANG[script]);
			expect(manifest.start_url).toBe(pagePath(base, script, { kind: 'home' }));
			expect(manifest.icons).toEqual([expect.objectContaining({ src: `${base}favicon.svg`, type: 'image/svg+xml' })]);
			const doc = readPage(pagePath(base, script, { kind: 'home' }).slice(base.length - 1));
			expect(doc.querySelector('link[rel=manifest]')?.getAttribute('href')).toBe(manifestPath(base, script));
			expect(doc.querySelector('link[rel=icon]')?.getAttribute('href')).toBe(`${base}favicon.svg`);
		});
	}

	it('a case page carries its title and summary as OpenGraph and Twitter card meta', () => {
		const entry = cases[0]!;
		for (const script of SCRIPTS) {
			const doc = readPage(pagePath(base, script, { kind: 'case', id: entry.id }).slice(base.length - 1));
			const text = localizeCase(entry.data, script);
			const meta = (key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
			expect(meta('og:type')).toBe('article');
			expect(meta('og:title')).toBe(text.title);
			expect(meta('og:description')).toBe(text.summary);
			expect(meta('og:url')).toBe(absolute(pagePath(base, script, { kind: 'case', id: entry.id })));
			expect(meta('twitter:card')).toBe('summary');
			expect(meta('twitter:title')).toBe(text.title);
			expect(meta('twitter:description')).toBe(text.summary);
		}
	});
});

describe('footer and 404', () => {
	it('the footer shows the filing numbers, each linking to where a reader can check it', () => {
		const doc = readPage(pagePath(base, 'hans', { kind: 'home' }).slice(base.length - 1));
		const links = [...doc.querySelectorAll('footer a')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') }));
		if (site.icp) expect(links).toContainEqual({ text: site.icp, href: 'https://beian.miit.gov.cn/' });
		if (site.publicSecurity) {
			expect(links).toContainEqual({ text: site.publicSecurity, href: expect.stringContaining(site.publicSecurity.replace(/\D/g, '')) });
		}
	});

	it('the host-level 404.html and a 404 page per script exist, in their language, not indexed, with the way home', () => {
		const pages = allPages();
		expect(pages).toContain('/404.html');
		for (const script of SCRIPTS) {
			const sitePath = pagePath(base, script, { kind: 'notFound' }).slice(base.length - 1);
			expect(pages).toContain(sitePath);
			const doc = readPage(sitePath);
			expect(doc.documentElement.lang).toBe(SCRIPT_LANG[script]);
			expect(doc.querySelector('meta[name=robots]')?.getAttribute('content')).toContain('noindex');
			expect([...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href'))).toContain(pagePath(base, script, { kind: 'home' }));
		}
		const root404 = readPage('/404.html');
		expect(root404.querySelector('meta[name=robots]')?.getAttribute('content')).toContain('noindex');
		const homes = [...root404.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
		for (const script of SCRIPTS) expect(homes).toContain(pagePath(base, script, { kind: 'home' }));
	});
});
