/**
 * Runs a query plan (query.ts) against Pagefind's JS API: the pages that match, in order
 * of relevance. Filters, counts and date order are facets.ts's. No DOM: the search page
 * and the tests (Pagefind's own pagefind.js in Node) share it.
 */
import { pageNumber } from './layout.ts';
import type { QueryPlan } from './query.ts';

/** How results are listed: by relevance, or by date either way. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** The part of Pagefind's search API used here. */
export interface PagefindSearchApi {
	search(term: string, options?: object): Promise<PagefindResponse | null>;
}

/** The part of a Pagefind search response used here: result ids (page numbers in base 36), best first. */
export interface PagefindResponse {
	results: { id: string; score: number }[];
}

async function search(api: PagefindSearchApi, term: string): Promise<number[]> {
	const response = await api.search(term, {});
	if (!response) throw new Error(`Pagefind returned no response to the search ${term}`);
	return response.results.map((result) => pageNumber(result.id));
}

/**
 * Matching page numbers, most relevant first; null when the plan has nothing to search (browse).
 * `onRanking` is given the ranking search's pages as soon as it has them, before the matching
 * search runs: the search page starts fetching the likely first result meanwhile. Both
 * searches are over the same words, so the ranking's loads every chunk the matching one needs.
 */
export async function matchPages(
	api: PagefindSearchApi,
	plan: QueryPlan,
	ranked = true,
	onRanking?: (pages: readonly number[]) => void,
): Promise<number[] | null> {
	if (plan.match === null) return null;
	const guards = await Promise.all(plan.guards.map((guard) => search(api, guard)));
	if (guards.some((pages) => pages.length === 0)) return [];
	// One after the other: the wasm runs one search at a time anyway, and the matching search finds the chunks loaded.
	const ranking = plan.rank && ranked ? await search(api, plan.rank) : undefined;
	if (ranking) onRanking?.(ranking);
	const matching = await search(api, plan.match);
	if (!ranking) return matching;
	const set = new Set(matching);
	const ordered = ranking.filter((page) => set.has(page));
	const seen = new Set(ordered);
	return [...ordered, ...matching.filter((page) => !seen.has(page))];
}

/** Pages in date order: page numbers count up from the oldest case (merge.ts). */
export function byDate(pages: readonly number[], order: 'newest' | 'oldest'): number[] {
	const sorted = [...pages].sort((a, b) => a - b);
	return order === 'newest' ? sorted.reverse() : sorted;
}

/** Every page, for browsing with no query. */
export const allPages = (count: number) => Array.from({ length: count }, (_, page) => page);
