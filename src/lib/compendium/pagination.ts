/**
 * Listing pages at scale: no page lists more than {@link DEFAULT_PAGE_SIZE} entries, so a
 * method or province with thousands of cases becomes numbered pages (/methods/x/, /methods/x/2/ …)
 * instead of one multi-megabyte page. Astro's `paginate()` slices the lists at build time; this
 * module holds the page size, the page links every pager shows, and the slice a page shows of
 * a list paged in the browser (the metrics table's filtered rows).
 */

/** Cases (or issues, or figures' cases) per listing page. */
export const DEFAULT_PAGE_SIZE = 100;

/** Environment variable that lowers the page size for one build (tests use it with small fixtures). */
export const PAGE_SIZE_ENV = 'COMPENDIUM_PAGE_SIZE';

/** The page size of this build: {@link PAGE_SIZE_ENV} if set to a positive integer, else the default. */
export function listingPageSize(env: NodeJS.ProcessEnv = process.env): number {
	const wanted = env[PAGE_SIZE_ENV];
	if (wanted === undefined || wanted === '') return DEFAULT_PAGE_SIZE;
	const size = Number(wanted);
	if (!Number.isInteger(size) || size < 1) throw new Error(`${PAGE_SIZE_ENV}=${wanted}: expected a whole number of entries per page, at least 1`);
	return size;
}

/** One entry of a pager: a page number to link, or a gap (…) between distant numbers. */
export type PageLink = { page: number; current: boolean } | { gap: true };

/**
 * The page numbers a pager shows for page `current` of `last`: the first and last page,
 * the current one and `around` on each side, with gaps where numbers are left out.
 * A pager stays a dozen links long even for a method with 100 pages.
 */
export function pageLinks(current: number, last: number, around = 2): PageLink[] {
	const shown = new Set<number>([1, last]);
	for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= last) shown.add(page);
	const links: PageLink[] = [];
	let previous = 0;
	for (const page of [...shown].sort((a, b) => a - b)) {
		if (page - previous === 2) links.push({ page: previous + 1, current: previous + 1 === current });
		else if (page - previous > 2) links.push({ gap: true });
		links.push({ page, current: page === current });
		previous = page;
	}
	return links;
}

/**
 * Figures per page of the metrics table: four times the listing size, since a row is a
 * fraction of a case card. At 400–550 bytes a row, a page stays near 220 KB at most.
 */
export function figuresPageSize(env: NodeJS.ProcessEnv = process.env): number {
	return 4 * listingPageSize(env);
}

/** One page's slice of a list: `start` inclusive, `end` exclusive, both 0-based. */
export interface PageSlice {
	/** 1-based page number actually shown. */
	page: number;
	pages: number;
	start: number;
	end: number;
}

/** The slice of a `total`-item list that page `page` shows at `size` per page; out-of-range pages fall back to the first or last. */
export function pageSlice(total: number, size: number, page: number): PageSlice {
	const pages = Math.max(1, Math.ceil(total / size));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	const start = (current - 1) * size;
	return { page: current, pages, start, end: Math.min(total, start + size) };
}
