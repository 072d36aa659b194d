/** Reading the built sample site in build tests: pages as text or as parsed documents. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

export function siteDir(): string {
	const dir = process.env.SITE_DIR;
	if (!dir) throw new Error('SITE_DIR is not set: run these tests through the "site" vitest project');
	return dir;
}

export function siteUrl(): string {
	const url = process.env.SITE_URL;
	if (!url) throw new Error('SITE_URL is not set: run these tests through the "site" vitest project');
	return url;
}

/** The HTML file for a site path such as /zh-hans/cases/x/. */
export function pageFile(sitePath: string): string {
	const clean = sitePath.replace(/^\//, '');
	return path.join(siteDir(), clean.endsWith('.html') ? clean : path.join(clean, 'index.html'));
}

export function hasPage(sitePath: string): boolean {
	return existsSync(pageFile(sitePath));
}

export function readPage(sitePath: string): Document {
	const file = pageFile(sitePath);
	if (!existsSync(file)) throw new Error(`expected a built page at ${sitePath} (${file}), found none`);
	return new JSDOM(readFileSync(file, 'utf8')).window.document;
}

/** Every built HTML file, as site paths (/zh-hans/cases/x/). */
export function allPages(): string[] {
	const dir = siteDir();
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.html'))
		.map((f) => `/${f.replace(/\\/g, '/').replace(/index\.html$/, '')}`)
		.sort();
}
