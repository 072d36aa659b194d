/**
 * A compendium published under a sub-path (base /dxal/, as on a government domain):
 * every link, asset, feed, sitemap entry and PDF stays under the base and resolves,
 * and the site works when served there, in a real browser.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/lib/build/browser.ts';
import { serveStatic, type StaticServer } from '../../src/lib/build/static-server.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { pagePath } from '../../src/lib/routes.ts';
import { buildSite } from '../support/build.ts';
import { checkLinks, firstOf } from '../support/links.ts';

const fixture = path.join(PROJECT_ROOT, 'tests/fixtures/quality/base-path');
const site = parse(readFileSync(path.join(fixture, 'site.yaml'), 'utf8')) as { url: string; base: string; defaultScript: 'hans' | 'hant' };
const work = path.join(PROJECT_ROOT, '.tmp', `quality-base-${process.pid}`);
const contentDir = path.join(work, 'content');
const out = path.join(work, 'dist');
const sample = path.join(PROJECT_ROOT, 'content');

/** The sample's smallest issue and its cases: enough for every page type, quick to build. */
function composeContent(): { issue: string; cases: string[] } {
	const issues = readdirSync(path.join(sample, 'issues'))
		.filter((file) => file.endsWith('.mdx'))
		.sort()
		.map((file) => file.replace(/\.mdx$/, ''))
		.map((id) => {
			const text = readFileSync(path.join(sample, 'issues', `${id}.mdx`), 'utf8');
			const front = parse(splitFrontmatter(text).yaml) as { cases: string[] };
			return { issue: id, cases: front.cases };
		})
		.filter((i) => i.cases.every((c) => existsSync(path.join(sample, 'cases', `${c}.mdx`))))
		.sort((a, b) => a.cases.length - b.cases.length);
	const chosen = issues[0];
	if (!chosen) throw new Error(`no sample issue with all its cases found in ${sample}/issues`);
	mkdirSync(path.join(contentDir, 'cases'), { recursive: true });
	mkdirSync(path.join(contentDir, 'issues'), { recursive: true });
	copyFileSync(path.join(fixture, 'site.yaml'), path.join(contentDir, 'site.yaml'));
	for (const file of ['methods.yaml', 'glossary.yaml']) {
		if (existsSync(path.join(sample, file))) copyFileSync(path.join(sample, file), path.join(contentDir, file));
	}
	copyFileSync(path.join(sample, 'issues', `${chosen.issue}.mdx`), path.join(contentDir, 'issues', `${chosen.issue}.mdx`));
	for (const id of chosen.cases) copyFileSync(path.join(sample, 'cases', `${id}.mdx`), path.join(contentDir, 'cases', `${id}.mdx`));
	return chosen;
}

let chosen: { issue: string; cases: string[] };
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
	rmSync(work, { recursive: true, force: true });
	chosen = composeContent();
	buildSite(out, { content: contentDir, cacheDir: path.join(work, 'cache') });
	server = await serveStatic(out, { base: site.base });
	browser = await launchChromium();
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
	rmSync(work, { recursive: true, force: true });
});

describe(`a site built with base ${site.base}`, () => {
	it('every internal reference resolves and none leaves the base', () => {
		const report = checkLinks({ dir: out, base: site.base, siteUrl: site.url });
		expect(report.checked).toBeGreaterThan(50);
		expect(report.outsideBase).toEqual([]);
		expect(firstOf(report.broken)).toEqual([]);
	});

	it('robots.txt, the sitemap, feeds and manifests name URLs under the base', () => {
		expect(readFileSync(path.join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site.url}${site.base}sitemap-index.xml`);
		const sitemap = readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8');
		const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
		expect(locs.length).toBeGreaterThan(10);
		for (const loc of locs) expect(loc?.startsWith(`${site.url}${site.base}`), loc).toBe(true);
		const feed = readFileSync(path.join(out, 'zh-hans/feed.xml'), 'utf8');
		expect(feed).toContain(`<link>${site.url}${pagePath(site.base, 'hans', { kind: 'case', id: chosen.cases[0]! })}</link>`);
		const manifest = JSON.parse(readFileSync(path.join(out, 'zh-hant/manifest.webmanifest'), 'utf8')) as {
			start_url: string;
			icons: { src: string }[];
		};
		expect(manifest.start_url).toBe(`${site.base}zh-hant/`);
		expect(manifest.icons[0]?.src).toBe(`${site.base}favicon.svg`);
	});

	it('served under the base, the root sends a first-time reader to the default script and every request succeeds', async () => {
		const context = await browser.newContext({ locale: 'en-US' });
		const page = await context.newPage();
		const failed: string[] = [];
		page.on('response', (response) => {
			if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
		});
		await page.goto(server.url);
		await page.waitForURL(`**${pagePath(site.base, site.defaultScript, { kind: 'home' })}`);
		for (const target of [
			pagePath(site.base, 'hans', { kind: 'case', id: chosen.cases[0]! }),
			pagePath(site.base, 'hant', { kind: 'issue', id: chosen.issue }),
			pagePath(site.base, 'hans', { kind: 'regions' }),
		]) {
			const response = await page.goto(new URL(target, server.url).href, { waitUntil: 'load' });
			expect(response?.status(), target).toBe(200);
		}
		// The 简/繁 switch and the issue's PDF links work under the base too.
		await page.goto(new URL(pagePath(site.base, 'hans', { kind: 'issue', id: chosen.issue }), server.url).href);
		await page.click('[data-script-switch]');
		await page.waitForURL(`**${pagePath(site.base, 'hant', { kind: 'issue', id: chosen.issue })}`);
		// Chromium is running (this test uses it), so the build printed both PDFs and the page links them.
		const pdfHrefs = await page.locator('[data-pdf]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
		expect(pdfHrefs).toHaveLength(2);
		for (const href of pdfHrefs) {
			expect(href.startsWith(server.url), href).toBe(true);
			const response = await page.request.get(href);
			expect(response.status(), href).toBe(200);
		}
		expect(failed).toEqual([]);
		await context.close();
	});
});
