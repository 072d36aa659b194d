/**
 * The search page's facets: the filter files and labels, filtering, counts and the
 * drop-downs. A module of its own, imported by search.ts after the first result is drawn
 * (or before the first search when the address already chooses a filter): the first
 * result of a plain query needs none of it, and its code and CBOR decoder are then not
 * among the bytes a reader waits for.
 */
import { fillMessage, type SearchPageConfig } from '../search/client-config.ts';
import { applyFilters, countFacets, facetChoices, facetTable, type FacetCounts, type FacetFilters, type FacetTables } from '../search/facets.ts';
import { decodePagefindPayload } from '../search/pagefind-format.ts';
import { readPagefindFile } from '../search/pagefind-wasm.ts';
import { FACETS, filterFile, type Facet, type FacetLabels } from '../search/layout.ts';

/** Methods and issues by name: one collator (localeCompare with a locale builds one per call). */
const byName = new Intl.Collator('zh');

/** Where the facets' files are and what they render into. */
export interface FacetSources {
	config: SearchPageConfig;
	selects: ReadonlyMap<Facet, HTMLSelectElement>;
	/** The index bundle's URL (its filter files). */
	bundle: string;
	/** This script's labels file. */
	labelsUrl: string;
	pageCount: number;
}

/** The facets of one index version: filter tables loaded on demand, the counts, and the drop-downs they fill. */
export class SearchFacets {
	private readonly sources: FacetSources;
	private labels: FacetLabels = {};
	private readonly tables: FacetTables = {};
	private readonly tableLoads = new Map<Facet, Promise<void>>();
	private counts: FacetCounts = {};
	/** What each facet's select shows now, to leave it alone when a search does not change it. */
	private readonly options = new Map<string, string>();

	constructor(sources: FacetSources) {
		this.sources = sources;
	}

	/** One facet's filter file, decoded into a table (once). */
	private loadTable(facet: Facet): Promise<void> {
		let pending = this.tableLoads.get(facet);
		if (!pending) {
			pending = (async () => {
				const response = await fetch(`${this.sources.bundle}${filterFile(facet)}`);
				// A facet no case has (no issues yet): nothing to filter or count.
				if (response.status === 404) return;
				const bytes = await readPagefindFile(response, `filter ${facet}`);
				this.tables[facet] = facetTable(decodePagefindPayload(bytes), this.sources.pageCount);
			})();
			this.tableLoads.set(facet, pending);
		}
		return pending;
	}

	/** The tables `filters` chooses from, loaded: what `apply` needs. */
	ready(filters: FacetFilters): Promise<unknown> {
		return Promise.all(FACETS.filter((facet) => filters[facet]).map((facet) => this.loadTable(facet)));
	}

	/** The pages (in their order) that carry every chosen value. */
	apply(pages: readonly number[], filters: FacetFilters): number[] {
		return applyFilters(pages, filters, this.tables);
	}

	/** Labels and every facet's table, then the counts over `pages`. */
	async loadAll(pages: () => readonly number[], filters: () => FacetFilters): Promise<void> {
		try {
			const response = await fetch(this.sources.labelsUrl);
			this.labels = (await response.json()) as FacetLabels;
			await Promise.all(FACETS.map((facet) => this.loadTable(facet)));
			this.update(pages(), filters());
		} catch (error) {
			console.error('search: facets could not be loaded', error);
		}
	}

	/** Counts over the pages the words matched, and the drop-downs redrawn where they changed. */
	update(pages: readonly number[], filters: FacetFilters): void {
		this.counts = countFacets(pages, filters, this.tables);
		this.render(filters);
	}

	/** Draws the drop-downs for the chosen values and the last counts. */
	render(filters: FacetFilters): void {
		const { messages } = this.sources.config;
		const counts = this.counts;
		const ready = Object.keys(this.labels).length > 0;
		for (const [facet, select] of this.sources.selects) {
			const chosen = filters[facet] ?? '';
			const facetCounts = counts[facet];
			const { values, withheld } = facetChoices(facetCounts, chosen);
			const label = (value: string) => (facet === 'year' ? fillMessage(messages.year, value) : (this.labels[facet]?.[value] ?? value));
			// Years newest first, places in division-code order, methods and issues by name.
			const ordered = values.sort((a, b) =>
				facet === 'year' ? b.localeCompare(a) : facet === 'method' || facet === 'issue' ? byName.compare(label(a), label(b)) : a.localeCompare(b),
			);
			const texts = [messages.any];
			for (const value of ordered) {
				const count = facetCounts?.[value];
				texts.push(count === undefined ? label(value) : `${label(value)}（${count}）`);
			}
			// Most keystrokes leave a facet's choices as they were: rebuilding hundreds of options is what a keystroke cost most.
			const shown = JSON.stringify([texts, ordered, withheld]);
			if (this.options.get(facet) !== shown) {
				this.options.set(facet, shown);
				const options = [new Option(texts[0], ''), ...ordered.map((value, i) => new Option(texts[i + 1], value))];
				if (withheld) {
					const note = new Option(fillMessage(messages.tooMany[facet], withheld), '');
					note.disabled = true;
					options.push(note);
				}
				select.replaceChildren(...options);
			}
			select.value = chosen;
			// A place level with nothing to choose from is noise.
			const wrapper = select.closest<HTMLElement>('.search-filter');
			if (wrapper) wrapper.hidden = ready && ordered.length === 0 && !withheld && !chosen && (facet === 'city' || facet === 'county');
		}
	}
}
