/**
 * Loads Pagefind's search API in the browser (search page only).
 *
 * Pagefind picks its query handling from the page's <html lang>: for zh-* it runs the
 * browser's word segmenter over the query (Intl.Segmenter), which would cut our bigram
 * words apart (Pagefind #1237). Our index is under a non-Chinese language (layout.ts
 * INDEX_LANGUAGE), and the instance is created while <html lang> says so. Pagefind reads
 * the attribute once, synchronously, when the instance is created; it is set back in
 * the same task, so neither rendering nor assistive technology ever sees the change.
 * The search tests type queries in both scripts and fail if this stops working.
 */
import { INDEX_LANGUAGE, PAGEFIND_DIR, bundlePath } from '../search/layout.ts';
import type { PagefindSearchApi } from '../search/run.ts';
import { withBase } from '../routes.ts';

/** The parts of a Pagefind instance the search page uses. */
export interface PagefindInstance extends PagefindSearchApi {
	init(): Promise<void>;
	filters(): Promise<Record<string, Record<string, number>>>;
	preload(term: string, options?: object): Promise<void>;
}

/** Pagefind's pagefind.js module, as loaded at run time. */
export type PagefindModule = { createInstance(options: { basePath: string; noWorker?: boolean }): PagefindInstance };

/** Pagefind's API module: the same for every index version, so it can load before the manifest says which. */
export async function importPagefind(base: string): Promise<PagefindModule> {
	return (await import(/* @vite-ignore */ withBase(base, `${PAGEFIND_DIR}/pagefind.js`))) as PagefindModule;
}

/** A search instance over index `version`. */
export function createPagefind(module: PagefindModule, base: string, version: string): PagefindInstance {
	const html = document.documentElement;
	const lang = html.getAttribute('lang');
	html.setAttribute('lang', INDEX_LANGUAGE);
	try {
		// The main thread is faster here than Pagefind's worker, and one download fewer.
		return module.createInstance({ basePath: bundlePath(base, version), noWorker: true });
	} finally {
		if (lang === null) html.removeAttribute('lang');
		else html.setAttribute('lang', lang);
	}
}
