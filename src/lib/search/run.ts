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

/** Matching page numbers, most relevant first; null when the plan has nothing to search (browse). */
export async function matchPages(api: PagefindSearchApi, plan: QueryPlan, ranked = true): Promise<number[] | null> {
	if (plan.match === null) return null;
	const guards = await Promise.all(plan.guards.map((guard) => search(api, guard)));
	if (guards.some((pages) => pages.length === 0)) return [];
	const [matching, ranking] = await Promise.all([search(api, plan.match), plan.rank && ranked ? search(api, plan.rank) : Promise.resolve(undefined)]);
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
