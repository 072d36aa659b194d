/**
 * Every URL of the site in one place. Pages, the search index, the PDF printer and the
 * tests build links through these so the scheme (/zh-hans/cases/<id>/) lives here only.
 */
import type { Script } from '../schemas/script.ts';
import { SCRIPT_SEGMENT } from './i18n/scripts.ts';

/** A page of the site, named by kind and parameters rather than by URL, so only this module knows the scheme. */
export type PageRef =
	| { kind: 'home' }
	| { kind: 'case'; id: string }
	| { kind: 'issues'; page?: number }
	| { kind: 'issue'; id: string }
	| { kind: 'issuePrint'; id: string }
	| { kind: 'regions' }
	| { kind: 'region'; code: string; page?: number }
	| { kind: 'methods' }
	| { kind: 'method'; slug: string; page?: number }
	| { kind: 'metrics'; page?: number }
	| { kind: 'search' }
	| { kind: 'data' }
	| { kind: 'compare' }
	/** Dev only: the editor's list of drafts and review items. */
	| { kind: 'drafts' }
	| { kind: 'notFound' };

/**
 * Page n (n ≥ 2) of a paginated listing: /methods/x/2/. The first page keeps the listing's own
 * address. The archive's pages go under /issues/page/2/, apart from issue ids.
 */
function listingPage(page: number | undefined, prefix?: string): string[] {
	if (page === undefined || page <= 1) return [];
	return prefix ? [prefix, String(page)] : [String(page)];
}

function segments(ref: PageRef): string[] {
	switch (ref.kind) {
		case 'home':
			return [];
		case 'case':
			return ['cases', ref.id];
		case 'issues':
			return ['issues', ...listingPage(ref.page, 'page')];
		case 'issue':
			return ['issues', ref.id];
		case 'issuePrint':
			return ['issues', ref.id, 'print'];
		case 'regions':
			return ['regions'];
		case 'region':
			return ['regions', ref.code, ...listingPage(ref.page)];
		case 'methods':
			return ['methods'];
		case 'method':
			return ['methods', ref.slug, ...listingPage(ref.page)];
		case 'metrics':
			return ['metrics', ...listingPage(ref.page)];
		case 'search':
			return ['search'];
		case 'data':
			return ['data'];
		case 'compare':
			return ['compare'];
		case 'drafts':
			return ['drafts'];
		case 'notFound':
			return ['404'];
	}
}

/**
 * `path` under the site's `base` (Astro's BASE_URL, with or without its closing "/"):
 * `withBase('/compendium', 'pdf/x.pdf')` is `/compendium/pdf/x.pdf`; `withBase(base)` is the
 * site root with its closing "/". The one place that joins a base to a path.
 */
export function withBase(base: string, path = ''): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	return `${root}${path.replace(/^\/+/, '')}`;
}

/** The site path of a page in a script, under `base`. */
export function pagePath(base: string, script: Script, ref: PageRef): string {
	const parts = [SCRIPT_SEGMENT[script], ...segments(ref)];
	return withBase(base, `${parts.join('/')}/`);
}

/** The full address of a page on the site at `site` (site.yaml's `url`, or the dev server's origin). */
export function pageUrl(site: string, base: string, script: Script, ref: PageRef): string {
	return new URL(pagePath(base, script, ref), site).href;
}

/** The same page in the other script: swaps the script segment and keeps the rest. */
export function switchScriptPath(pathname: string, base: string, to: Script): string {
	const root = withBase(base);
	const rest = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\//, '');
	const tail = rest.split('/').slice(1).join('/');
	return withBase(base, `${SCRIPT_SEGMENT[to]}/${tail}`);
}

/** Where the PDF of an issue in a script is published, e.g. /pdf/wumian-hongqi-1.zh-hans.pdf. */
export function pdfPath(base: string, issueId: string, script: Script): string {
	return withBase(base, `pdf/${issueId}.${SCRIPT_SEGMENT[script]}.pdf`);
}

/** The RSS feed of a script's newest cases or issues, e.g. /zh-hans/feed.xml and /zh-hans/issues.xml. */
export function feedPath(base: string, script: Script, of: 'cases' | 'issues'): string {
	return withBase(base, `${SCRIPT_SEGMENT[script]}/${of === 'cases' ? 'feed' : 'issues'}.xml`);
}

/** The web app manifest of a script's edition, e.g. /zh-hans/manifest.webmanifest. */
export function manifestPath(base: string, script: Script): string {
	return withBase(base, `${SCRIPT_SEGMENT[script]}/manifest.webmanifest`);
}
