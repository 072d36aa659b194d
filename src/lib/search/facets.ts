/**
 * Facet filtering and counting on the search page, from the filter files of the index
 * (pagefind/<version>/filter/<facet>.pf_filter: each value with its page numbers).
 *
 * Pagefind can filter and count itself, but it counts every value of every loaded filter
 * on every search, which on 10,000 cases costs more than the search; here a count is one
 * pass over the candidate pages. Pages are numbered oldest first (merge.ts), so the page
 * number is also the date order.
 */
import type { CborValue } from './pagefind-format.ts';
import { FACETS, type Facet } from './layout.ts';

/** The value chosen in each facet, if any: a division code, method slug, issue id or year. */
export type FacetFilters = Partial<Record<Facet, string>>;
/** For each counted facet, how many pages each value would leave; values that leave none are absent. */
export type FacetCounts = Partial<Record<Facet, Record<string, number>>>;

/** One facet: its values, and for each page the values it has (CSR: `starts[page]` … `starts[page + 1]`). */
export interface FacetTable {
	values: string[];
	starts: Uint32Array;
	valueIds: Uint32Array;
	/** Value → its pages, ascending. */
	pages: Map<string, Uint32Array>;
}

/** A facet table from a decoded filter file: [filter, [[value, [page…]]…]]. */
export function facetTable(decoded: CborValue, pageCount: number): FacetTable {
	if (!Array.isArray(decoded) || !Array.isArray(decoded[1])) throw new Error('filter file: expected [filter, values]');
	const values: string[] = [];
	const pages = new Map<string, Uint32Array>();
	const perPage: number[][] = Array.from({ length: pageCount }, () => []);
	for (const entry of decoded[1] as CborValue[]) {
		const [value, list] = entry as [string, number[]];
		const id = values.length;
		values.push(value);
		const sorted = Uint32Array.from(list).sort();
		pages.set(value, sorted);
		for (const page of sorted) if (page < pageCount) perPage[page]!.push(id);
	}
	const starts = new Uint32Array(pageCount + 1);
	for (let page = 0; page < pageCount; page++) starts[page + 1] = starts[page]! + perPage[page]!.length;
	const valueIds = new Uint32Array(starts[pageCount]!);
	for (let page = 0; page < pageCount; page++) valueIds.set(perPage[page]!, starts[page]!);
	return { values, starts, valueIds, pages };
}

/** The facet tables loaded so far: the search page fetches the filter files after the first results. */
export type FacetTables = Partial<Record<Facet, FacetTable>>;

/** Does `page` carry every chosen value (facets in `skip` aside)? */
function passes(page: number, filters: FacetFilters, tables: FacetTables, skip?: Facet): boolean {
	for (const facet of FACETS) {
		const chosen = filters[facet];
		if (!chosen || facet === skip) continue;
		const table = tables[facet];
		if (!table) return false;
		let found = false;
		for (let i = table.starts[page]!; i < table.starts[page + 1]!; i++) {
			if (table.values[table.valueIds[i]!] === chosen) {
				found = true;
				break;
			}
		}
		if (!found) return false;
	}
	return true;
}

/** The pages (in their given order) that carry every chosen value. Tables for chosen facets must be loaded. */
export function applyFilters(pages: readonly number[], filters: FacetFilters, tables: FacetTables): number[] {
	if (!FACETS.some((facet) => filters[facet])) return [...pages];
	return pages.filter((page) => passes(page, filters, tables));
}

/**
 * For each loaded facet, how many of `pages` each value would leave. A facet with a
 * chosen value is counted without its own choice, so the reader sees the alternatives.
 */
export function countFacets(pages: readonly number[], filters: FacetFilters, tables: FacetTables): FacetCounts {
	const counts: FacetCounts = {};
	for (const facet of FACETS) {
		const table = tables[facet];
		if (!table) continue;
		const tally = new Uint32Array(table.values.length);
		for (const page of pages) {
			if (!passes(page, filters, tables, facet)) continue;
			for (let i = table.starts[page]!; i < table.starts[page + 1]!; i++) tally[table.valueIds[i]!]!++;
		}
		const result: Record<string, number> = {};
		table.values.forEach((value, id) => {
			if (tally[id]) result[value] = tally[id]!;
		});
		counts[facet] = result;
	}
	return counts;
}

/**
 * Most choices a facet's drop-down lists. Past this (2,500 counties or 1,000 issues in a
 * 10,000-case compendium) a drop-down is no use to read, and rebuilding one on every
 * keystroke cost the search page more than the search itself; the reader narrows first
 * (a province, a year), and the counts of the others follow the choice.
 */
export const FACET_CHOICE_LIMIT = 150;

/** What one facet's drop-down offers: the values to list, and how many were left out for being too many. */
export interface FacetChoices {
	values: string[];
	/** Values with results that are not listed (0: all are). */
	withheld: number;
}

/**
 * The values a facet's drop-down lists: those that leave some results, and the chosen one
 * whatever its count; past `limit` only the chosen one, with how many others there were.
 */
export function facetChoices(counts: Record<string, number> | undefined, chosen: string, limit = FACET_CHOICE_LIMIT): FacetChoices {
	const values = Object.keys(counts ?? {}).filter((value) => (counts?.[value] ?? 0) > 0 || value === chosen);
	if (chosen && !values.includes(chosen)) values.push(chosen);
	const others = values.filter((value) => value !== chosen).length;
	if (others <= limit) return { values, withheld: 0 };
	return { values: chosen ? [chosen] : [], withheld: others };
}
