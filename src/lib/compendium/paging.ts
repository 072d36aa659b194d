/** Pages of a long list: which slice page n shows, clamped to the pages there are. */

export interface PageSlice {
	/** 1-based page number actually shown. */
	page: number;
	pages: number;
	start: number;
	end: number;
}

export function pageSlice(total: number, size: number, page: number): PageSlice {
	const pages = Math.max(1, Math.ceil(total / size));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	const start = (current - 1) * size;
	return { page: current, pages, start, end: Math.min(total, start + size) };
}
