/**
 * @astrojs/sitemap's options: both editions with hreflang twins, and only the pages a
 * search engine should list. The page decides, not a list of paths kept here: a page
 * is listed unless it says noindex or names another URL as its canonical (the root
 * redirect, the 404s and the print layouts do).
 *
 * The hreflang twins are added here rather than by the integration's `i18n` option: that
 * option compares every URL with every other (30,000 pages at 10,000 cases: minutes of a
 * build); a page's twin is its address with the other script's segment, one lookup.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { LinkItem, SitemapOptions } from '@astrojs/sitemap';
import type { Site } from '../../schemas/site.ts';
import { SCRIPTS } from '../../schemas/script.ts';
import { SCRIPT_LANG, SCRIPT_SEGMENT } from '../i18n/scripts.ts';
import { switchScriptPath, withBase } from '../routes.ts';
import { sitemapDecisions } from './sitemap-decisions.ts';

/** Where @astrojs/sitemap writes its index, under the base. */
export function sitemapIndexPath(base: string): string {
	return withBase(base, 'sitemap-index.xml');
}

/** Whether a page's HTML lets `url` into the sitemap: no noindex, and canonical (if any) is `url` itself. */
export function listedInSitemap(html: string, url: string): boolean {
	const head = html.slice(0, html.indexOf('</head>') + 1 || undefined);
	for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
		if (/\bname=["']?robots\b/i.test(tag) && /\bcontent=["'][^"']*noindex/i.test(tag)) return false;
	}
	for (const tag of head.match(/<link\b[^>]*>/gi) ?? []) {
		if (!/\brel=["']?canonical\b/i.test(tag)) continue;
		const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
		if (href && new URL(href.replace(/&amp;/g, '&'), url).href !== url) return false;
	}
	return true;
}

/** How much of a page one read takes: the head of every page this project builds fits. */
const HEAD_READ = 16 * 1024;
const firstRead = Buffer.allocUnsafe(HEAD_READ);

/**
 * The start of a built page up to its `</head>` (the whole file when it has none), or
 * undefined when there is no such file: all {@link listedInSitemap} reads, without reading
 * the bodies of thousands of pages.
 */
export function readPageHead(file: string): string | undefined {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch {
		return undefined;
	}
	try {
		const chunks: Buffer[] = [];
		let length = 0;
		for (;;) {
			// The first read goes into one buffer shared by every call (a cold 10,000-case build reads
			// 52,000 heads: a new buffer each was seconds of allocation and garbage collection);
			// a head longer than that is rare and gets buffers of its own.
			const chunk = chunks.length === 0 ? firstRead : Buffer.allocUnsafe(HEAD_READ);
			const read = readSync(fd, chunk, 0, chunk.length, length);
			if (read === 0) break;
			chunks.push(chunk.subarray(0, read));
			length += read;
			const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
			// Searched from a little before the new bytes, in case the tag straddles two reads.
			const end = bytes.indexOf('</head>', Math.max(0, length - read - 7));
			// `</head>` is ASCII, so cutting after it never splits a character.
			if (end >= 0) return bytes.toString('utf8', 0, end + 7);
		}
		return Buffer.concat(chunks, length).toString('utf8');
	} finally {
		closeSync(fd);
	}
}

/** The built HTML file of a sitemap URL in `outDir`, for a site published at `siteUrl` + `base`. */
export function builtFileOf(url: string, outDir: string, base: string): string | undefined {
	const pathname = decodeURIComponent(new URL(url).pathname);
	const root = withBase(base);
	if (!pathname.startsWith(root)) return undefined;
	const rest = pathname.slice(root.length);
	return path.join(outDir, rest.endsWith('/') || rest === '' ? path.join(rest, 'index.html') : rest);
}

/**
 * The hreflang links of a listed page: the page in each script whose address is listed too,
 * in script order; none for a page outside the script folders or without a listed twin.
 */
export function twinLinks(url: string, listed: ReadonlySet<string>, base: string): LinkItem[] | undefined {
	const { pathname } = new URL(url);
	const root = withBase(base);
	const segment = pathname.startsWith(root) ? pathname.slice(root.length).split('/')[0] : undefined;
	if (!SCRIPTS.some((script) => SCRIPT_SEGMENT[script] === segment)) return undefined;
	const links = SCRIPTS.map((script) => ({ url: new URL(switchScriptPath(pathname, base, script), url).href, lang: SCRIPT_LANG[script] })).filter(
		(link) => listed.has(link.url),
	);
	return links.length > 1 ? links : undefined;
}

/** Whether the page built at `file` (if any) may be listed in the sitemap as `url`. */
function listedFile(file: string | undefined, url: string): boolean {
	const head = file === undefined ? undefined : readPageHead(file);
	return head !== undefined && listedInSitemap(head, url);
}

/**
 * @astrojs/sitemap's options: each listed page with its twin in the other script as an
 * hreflang alternate; noindex pages left out. With `cacheDir` (an incremental build's Astro
 * cache), pages copied from the previous build keep its decision (./sitemap-decisions.ts).
 */
export function sitemapOptions(site: Pick<Site, 'base'>, outDir: string, cacheDir?: string): SitemapOptions {
	// The integration filters every URL before it serializes any: by then this holds all listed pages.
	const listed = new Set<string>();
	const decisions = cacheDir === undefined ? undefined : sitemapDecisions(cacheDir);
	let saved = false;
	return {
		// Only hreflang links are used; no news, image or video entries.
		namespaces: { news: false, image: false, video: false, xhtml: true },
		filter(url) {
			const file = builtFileOf(url, outDir, site.base);
			const keep =
				decisions && file !== undefined
					? decisions.decide(path.relative(outDir, file).split(path.sep).join('/'), () => listedFile(file, url))
					: listedFile(file, url);
			if (keep) listed.add(url);
			return keep;
		},
		serialize(item) {
			if (!saved) {
				saved = true;
				decisions?.save();
			}
			const links = twinLinks(item.url, listed, site.base);
			return links ? { ...item, links } : item;
		},
	};
}
