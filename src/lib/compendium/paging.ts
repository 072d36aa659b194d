/** Pages of a long list: which slice page n shows, clamped to the pages there are. */

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
