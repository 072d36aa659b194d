/**
 * The one walk over a built site's references: every link and asset in its pages,
 * stylesheets, sitemap, feeds, robots.txt and web app manifest. A reference is
 * internal when it is relative, root-relative, or absolute on the site's own origin;
 * internal ones must resolve to a built file under the base, and a #fragment to an id
 * on the target page. External ones are listed, never fetched (CI has no network).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { withBase } from '../../src/lib/routes.ts';

export interface SiteLocation {
	/** The built site's directory (what is published at `siteUrl` + `base`). */
	dir: string;
	/** Astro's base, e.g. "/" or "/dxal/". */
	base: string;
	/** The site's public origin from content/site.yaml, e.g. https://example.gov.cn. */
	siteUrl: string;
}

export interface Reference {
	/** Where it was found: the site path of the page or file. */
	from: string;
	/** What it says, as written. */
	ref: string;
	/** Which attribute or construct held it, for messages. */
	via: string;
}

export interface LinkReport {
	/** Internal references that resolve to no built file, or to a page without that #id. */
	broken: string[];
	/** Internal references that point outside the base (they would break under a sub-path). */
	outsideBase: string[];
	/** Every reference to another origin (links a reader may follow). */
	external: Reference[];
	/** How many internal references were checked. */
	checked: number;
}

const SKIPPED_SCHEMES = /^(?:mailto|tel|javascript|data|blob|about):/i;

function walk(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((f) => f.replace(/\\/g, '/'))
		.filter((f) => statSync(path.join(dir, f)).isFile())
		.sort();
}

/** The site path a built file is served at, e.g. zh-hans/cases/x/index.html → /dxal/zh-hans/cases/x/. */
function servedPath(file: string, base: string): string {
	return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** References in one HTML page, with where each sits. */
export function htmlReferences(html: string): { ref: string; via: string }[] {
	const doc = new JSDOM(html).window.document;
	const found: { ref: string; via: string }[] = [];
	const attr = (selector: string, name: string) => {
		for (const el of doc.querySelectorAll(selector)) {
			const value = el.getAttribute(name);
			if (value !== null) found.push({ ref: value.trim(), via: `<${el.tagName.toLowerCase()} ${name}>` });
		}
	};
	attr('a[href], area[href], link[href]', 'href');
	attr('script[src], img[src], source[src], iframe[src], video[src], audio[src], track[src], embed[src], input[src]', 'src');
	attr('video[poster]', 'poster');
	attr('object[data]', 'data');
	attr('form[action]', 'action');
	for (const el of doc.querySelectorAll('img[srcset], source[srcset]')) {
		for (const candidate of (el.getAttribute('srcset') ?? '').split(',')) {
			const url = candidate.trim().split(/\s+/)[0];
			if (url) found.push({ ref: url, via: `<${el.tagName.toLowerCase()} srcset>` });
		}
	}
	for (const meta of doc.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')) {
		const content = meta.getAttribute('content') ?? '';
		if (/^(?:https?:)?\/\//.test(content) || content.startsWith('/'))
			found.push({ ref: content, via: `<meta ${meta.getAttribute('property') ?? meta.getAttribute('name')}>` });
	}
	for (const meta of doc.querySelectorAll('meta[http-equiv="refresh" i]')) {
		const url = /url\s*=\s*['"]?([^'";]+)/i.exec(meta.getAttribute('content') ?? '')?.[1];
		if (url) found.push({ ref: url.trim(), via: '<meta http-equiv=refresh>' });
	}
	for (const el of doc.querySelectorAll('[style]')) {
		for (const ref of cssReferences(el.getAttribute('style') ?? '')) found.push({ ref, via: 'style="url()"' });
	}
	for (const style of doc.querySelectorAll('style')) {
		for (const ref of cssReferences(style.textContent ?? '')) found.push({ ref, via: '<style> url()' });
	}
	return found;
}

export function cssReferences(css: string): string[] {
	const refs = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => (m[2] as string).trim());
	const imports = [...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((m) => m[2] as string);
	return [...refs, ...imports].filter((ref) => !ref.startsWith('#'));
}

/** References in the sitemap, feeds, robots.txt and manifests. */
function dataFileReferences(file: string, text: string): { ref: string; via: string }[] {
	if (file.endsWith('.xml')) {
		return [
			...[...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => ({ ref: m[1] as string, via: '<loc>' })),
			...[...text.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => ({ ref: m[1] as string, via: '<link>' })),
			...[...text.matchAll(/<(?:xhtml:link|atom:link)\b[^>]*\bhref="([^"]+)"/g)].map((m) => ({ ref: m[1] as string, via: 'link href' })),
		].map((r) => ({ ...r, ref: r.ref.replace(/&amp;/g, '&') }));
	}
	if (file.endsWith('robots.txt')) return [...text.matchAll(/^Sitemap:\s*(\S+)/gim)].map((m) => ({ ref: m[1] as string, via: 'Sitemap:' }));
	if (file.endsWith('.webmanifest')) {
		const manifest = JSON.parse(text) as { start_url?: string; scope?: string; icons?: { src: string }[] };
		return [
			...(manifest.start_url ? [{ ref: manifest.start_url, via: 'start_url' }] : []),
			...(manifest.scope ? [{ ref: manifest.scope, via: 'scope' }] : []),
			...(manifest.icons ?? []).map((icon) => ({ ref: icon.src, via: 'icons[].src' })),
		];
	}
	if (file.endsWith('.css')) return cssReferences(text).map((ref) => ({ ref, via: 'url()' }));
	return [];
}

/**
 * "page → ref (via): problem" lines grouped by what is wrong, so one missing target
 * linked from every page's header reads as one line, not hundreds.
 */
function groupByTarget(lines: readonly string[]): string[] {
	const groups = new Map<string, Set<string>>();
	for (const line of lines) {
		const [from, rest] = line.split(' → ', 2) as [string, string];
		groups.set(rest, (groups.get(rest) ?? new Set()).add(from));
	}
	// Many missing files in one folder (a font's subsets, say) are one problem: the folder.
	const missing = /^(\S*\/)([^/\s]+) \((.+?)\): no file \S+ in the build$/;
	const byFolder = new Map<string, { files: string[]; pages: Set<string> }>();
	const lines2: string[] = [];
	for (const [problem, froms] of groups) {
		const match = missing.exec(problem);
		if (!match) {
			const pages = [...froms];
			lines2.push(pages.length === 1 ? `${pages[0]} → ${problem}` : `→ ${problem}, from ${pages.length} pages, e.g. ${pages.slice(0, 3).join(', ')}`);
			continue;
		}
		const key = `${match[1]} (${match[3]})`;
		const folder = byFolder.get(key) ?? { files: [], pages: new Set<string>() };
		folder.files.push(match[2] as string);
		for (const page of froms) folder.pages.add(page);
		byFolder.set(key, folder);
	}
	for (const [key, { files, pages }] of byFolder) {
		const list = [...pages];
		const where = list.length === 1 ? `from ${list[0]}` : `from ${list.length} pages, e.g. ${list.slice(0, 3).join(', ')}`;
		lines2.push(
			files.length === 1
				? `→ ${key.replace(' (', `${files[0]} (`)}: not in the build, ${where}`
				: `→ ${files.length} files under ${key} are not in the build (${files.slice(0, 3).join(', ')}…), ${where}`,
		);
	}
	return lines2;
}

/** Failure lists stay readable: the first `shown` problems and how many more. */
export function firstOf(problems: readonly string[], shown = 40): string[] {
	return problems.length > shown ? [...problems.slice(0, shown), `… and ${problems.length - shown} more`] : [...problems];
}

/** Checks every reference in a built site. */
export function checkLinks(site: SiteLocation): LinkReport {
	const base = withBase(site.base);
	const origin = new URL(site.siteUrl).origin;
	const files = walk(site.dir);
	const fileSet = new Set(files);
	const idsCache = new Map<string, Set<string>>();
	const idsOf = (file: string) => {
		let ids = idsCache.get(file);
		if (!ids) {
			const html = readFileSync(path.join(site.dir, file), 'utf8');
			ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
			idsCache.set(file, ids);
		}
		return ids;
	};
	/** The built file a site path names, or undefined. */
	const fileFor = (pathname: string): string | undefined => {
		const rest = pathname.slice(base.length);
		const candidates = rest === '' || rest.endsWith('/') ? [`${rest}index.html`] : [rest, `${rest}/index.html`];
		return candidates.find((c) => fileSet.has(c));
	};

	const report: LinkReport = { broken: [], outsideBase: [], external: [], checked: 0 };
	for (const file of files) {
		const from = servedPath(file, base);
		let refs: { ref: string; via: string }[];
		if (file.endsWith('.html')) refs = htmlReferences(readFileSync(path.join(site.dir, file), 'utf8'));
		else if (/\.(?:xml|css|webmanifest)$/.test(file) || file === 'robots.txt')
			refs = dataFileReferences(file, readFileSync(path.join(site.dir, file), 'utf8'));
		else continue;
		// Pages resolve relative references against their own URL on the real host.
		const pageUrl = new URL(from, origin);
		for (const { ref, via } of refs) {
			if (!ref || SKIPPED_SCHEMES.test(ref)) continue;
			let url: URL;
			try {
				url = new URL(ref, pageUrl);
			} catch {
				report.broken.push(`${from} → ${ref} (${via}): not a valid URL`);
				continue;
			}
			if (url.origin !== origin) {
				report.external.push({ from, ref, via });
				continue;
			}
			report.checked++;
			const pathname = decodeURIComponent(url.pathname);
			if (!pathname.startsWith(base)) {
				report.outsideBase.push(`${from} → ${ref} (${via}): outside the base ${base}`);
				continue;
			}
			const target = fileFor(pathname);
			if (!target) {
				report.broken.push(`${from} → ${ref} (${via}): no file ${pathname.slice(base.length) || 'index.html'} in the build`);
				continue;
			}
			const fragment = decodeURIComponent(url.hash.slice(1));
			if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
				report.broken.push(`${from} → ${ref} (${via}): ${target} has no id "${fragment}"`);
			}
		}
	}
	report.broken = groupByTarget(report.broken);
	report.outsideBase = groupByTarget(report.outsideBase);
	return report;
}
