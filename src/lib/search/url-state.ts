/**
 * The search page's state in its URL (?q=…&province=…&sort=…), so a filtered view can be
 * shared, bookmarked and reloaded. The parameter names are the form fields' names: the
 * page works as a plain GET form too.
 */
import { FACETS } from './layout.ts';
import type { FacetFilters } from './facets.ts';
import type { SortOrder } from './run.ts';

/** What the search page shows: the query, the chosen facet values and the sort order. */
export interface SearchState {
	q: string;
	filters: FacetFilters;
	sort: SortOrder;
}

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

/** Reads the state from a URL's query; a missing or unknown sort falls back to relevance. */
export function parseSearchState(params: URLSearchParams): SearchState {
	const filters: FacetFilters = {};
	for (const facet of FACETS) {
		const value = params.get(facet)?.trim();
		if (value) filters[facet] = value;
	}
	const sort = params.get('sort') as SortOrder | null;
	return { q: (params.get('q') ?? '').trim(), filters, sort: sort && SORTS.includes(sort) ? sort : 'relevance' };
}

/** Query string for a state: empty fields and the default sort are left out. */
export function serializeSearchState(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q.trim()) params.set('q', state.q.trim());
	for (const facet of FACETS) {
		const value = state.filters[facet];
		if (value) params.set(facet, value);
	}
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	const text = params.toString();
	return text ? `?${text}` : '';
}

/**
 * Place filters nest: a city belongs to a province, a county to a city. Choosing a place
 * drops finer choices that no longer fit (division codes share their prefixes).
 */
export function withFilter(state: SearchState, facet: keyof FacetFilters, value: string): SearchState {
	const filters: FacetFilters = { ...state.filters };
	if (value) filters[facet] = value;
	else delete filters[facet];
	const province = filters.province;
	const city = filters.city;
	if (facet === 'province') {
		if (city && (!province || !city.startsWith(province.slice(0, 2)))) delete filters.city;
		if (filters.county && (!province || !filters.county.startsWith(province.slice(0, 2)))) delete filters.county;
	}
	if (facet === 'city' && filters.county && (!city || !filters.county.startsWith(city.slice(0, 4)))) delete filters.county;
	return { ...state, filters };
}
