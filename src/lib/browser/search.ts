/**
 * The search page: query and filters from the URL, results as the reader types, facets
 * with counts, results in the reader's script with the match highlighted. Loaded on the
 * search page only; every other page reads without JavaScript.
 *
 * Keyboard: ↓ in the search box moves to the first result, ↑/↓ move between results,
 * Esc returns to the box. The result count is announced through a status region.
 *
 * Pagefind answers the words only (pagefind-wasm.ts, on Pagefind's wasm); filters and
 * facet counts come from the index's filter files (search-facets.ts, a module imported when
 * a filter is chosen or once the first results are on screen), date order from the page
 * numbers.
 */
import { fillMessage, type SearchPageConfig } from '../search/client-config.ts';
import { excerpt, highlight, type Segment } from '../search/excerpt.ts';
import { parseFoldMap, type FoldMap } from '../search/fold.ts';
import {
	FACETS,
	MANIFEST_FILE,
	bundlePath,
	displayFile,
	labelsFile,
	pageId,
	searchDataPath,
	type Facet,
	type ResultDisplay,
	type SearchManifest,
} from '../search/layout.ts';
import { planQuery, type QueryPlan } from '../search/query.ts';
import { allPages, byDate, matchPages } from '../search/run.ts';
import { parseSearchState, serializeSearchState, withFilter, type SearchState } from '../search/url-state.ts';
import { openPagefind, type PagefindWasmSearch } from '../search/pagefind-wasm.ts';
import type { SearchFacets } from './search-facets.ts';

const PAGE_SIZE = 10;
/** Searches whose matches are kept (a few thousand page numbers each at most). */
const MATCHES_KEPT = 24;
/** Show "searching…" only when a search takes long enough to notice. */
const LOADING_DELAY_MS = 400;

function element<T extends HTMLElement>(root: Document, selector: string): T {
	const found = root.querySelector<T>(selector);
	if (!found) throw new Error(`search page: missing element ${selector}`);
	return found;
}

function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
	for (const segment of segments) {
		if (segment.mark) {
			const mark = parent.ownerDocument.createElement('mark');
			mark.textContent = segment.text;
			parent.append(mark);
		} else {
			parent.append(segment.text);
		}
	}
}

const formatDate = (iso: string) => {
	const [y, m, d] = iso.split('-').map(Number);
	return `${y}年${m}月${d}日`;
};

class SearchPage {
	private readonly doc: Document;
	private readonly config: SearchPageConfig;
	private readonly form: HTMLFormElement;
	private readonly input: HTMLInputElement;
	private readonly filtersBox: HTMLFieldSetElement;
	private readonly sortSelect: HTMLSelectElement;
	private readonly status: HTMLElement;
	private readonly empty: HTMLElement;
	private readonly list: HTMLOListElement;
	private readonly more: HTMLButtonElement;
	private readonly selects = new Map<Facet, HTMLSelectElement>();

	private state: SearchState;
	private pagefind?: PagefindWasmSearch;
	private fold: FoldMap = new Map();
	private version = '';
	private pageCount = 0;
	/** The facets (search-facets.ts), once asked for; `facetsShown`: they are, for drawing without waiting. */
	private facets?: Promise<SearchFacets>;
	private facetsShown?: SearchFacets;
	private generation = 0;
	/** The search of typed text under way, and whether the box changed since it started. */
	private typing?: Promise<void>;
	private typedSince = false;
	/** Pages matching the words, most relevant first (all pages when browsing), and the answer shown. */
	private matched: number[] = [];
	private results: number[] = [];
	private plan: QueryPlan = { phrases: [], match: null, guards: [] };
	private shown = 0;
	/** Settles when the first result of the latest search is drawn (or there is none). */
	private firstResult: Promise<void> = Promise.resolve();
	/** Settles once the page's first search has drawn its first result (or failed, or had none). */
	readonly started: Promise<void>;
	private markStarted!: () => void;
	private readonly displays = new Map<string, Promise<ResultDisplay>>();
	/** The pages recent searches matched, newest last: a changed filter or order, or a query typed again, needs no new search. */
	private readonly matches = new Map<string, Promise<number[] | null>>();

	constructor(doc: Document, config: SearchPageConfig) {
		this.doc = doc;
		this.config = config;
		this.form = element(doc, '[data-search-form]');
		this.input = element(doc, '#search-q');
		this.filtersBox = element(doc, '[data-search-filters]');
		this.sortSelect = element(doc, '#search-sort');
		this.status = element(doc, '#search-status');
		this.empty = element(doc, '[data-search-empty]');
		this.list = element(doc, '#search-results');
		this.more = element(doc, '[data-search-more]');
		for (const facet of FACETS) this.selects.set(facet, element(doc, `#filter-${facet}`));
		this.state = parseSearchState(new URLSearchParams(doc.location.search));
		this.started = new Promise((resolve) => (this.markStarted = resolve));
	}

	async start(): Promise<void> {
		this.showState();
		this.bindEvents();
		this.filtersBox.hidden = false;
		try {
			if (!(await this.open())) return;
			await this.search();
			await this.firstResult;
		} finally {
			this.markStarted();
		}
		// Facets after the first result: they are not needed to see it.
		void this.loadFacets();
	}

	/** The manifest and the index; false when there is nothing to search (said on the page). */
	private async open(): Promise<boolean> {
		try {
			const manifest = await this.loadManifest();
			this.fold = parseFoldMap(manifest.fold);
			this.version = manifest.version;
			this.pageCount = manifest.pages;
		} catch (error) {
			this.fail(error, 'missing');
			return false;
		}
		if (this.pageCount === 0) {
			// Nothing published yet: say so rather than load an index of nothing.
			this.renderStatus();
			return false;
		}
		try {
			const bundle = bundlePath(this.config.base, this.version);
			this.pagefind = await openPagefind((name) => fetch(`${bundle}${name}`));
			return true;
		} catch (error) {
			this.fail(error, 'broken');
			return false;
		}
	}

	private async loadManifest(): Promise<SearchManifest> {
		const response = await fetch(searchDataPath(this.config.base, MANIFEST_FILE), { cache: 'no-cache' });
		if (!response.ok) throw new Error(`search index not found (${response.status})`);
		return (await response.json()) as SearchManifest;
	}

	/** The facets module, imported and set up once. */
	private loadFacetModule(): Promise<SearchFacets> {
		this.facets ??= import('./search-facets.ts').then(({ SearchFacets }) => {
			const facets = new SearchFacets({
				config: this.config,
				selects: this.selects,
				bundle: bundlePath(this.config.base, this.version),
				labelsUrl: searchDataPath(this.config.base, labelsFile(this.version, this.config.script)),
				pageCount: this.pageCount,
			});
			this.facetsShown = facets;
			return facets;
		});
		return this.facets;
	}

	/** Labels and every facet's table: after the first results, which do not need them. */
	private async loadFacets(): Promise<void> {
		try {
			const facets = await this.loadFacetModule();
			await facets.loadAll(
				() => this.matched,
				() => this.state.filters,
			);
		} catch (error) {
			console.error('search: facets could not be loaded', error);
		}
	}

	private bindEvents(): void {
		this.input.addEventListener('input', (event) => {
			// Letters an input method is still composing are not the query: its commit is (compositionend).
			if ((event as InputEvent).isComposing) return;
			this.searchTyped();
		});
		this.input.addEventListener('compositionend', () => this.searchTyped());
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.typedSince = false;
			this.state = { ...this.state, q: this.input.value };
			this.updateUrl('push');
			void this.search();
		});
		for (const [facet, select] of this.selects) {
			select.addEventListener('change', () => {
				this.state = withFilter(this.state, facet, select.value);
				this.updateUrl('push');
				void this.search();
			});
		}
		this.sortSelect.addEventListener('change', () => {
			this.state = { ...this.state, sort: this.sortSelect.value as SearchState['sort'] };
			this.updateUrl('push');
			void this.search();
		});
		for (const button of this.doc.querySelectorAll<HTMLButtonElement>('[data-clear-filters]')) {
			button.addEventListener('click', () => {
				this.state = { ...this.state, filters: {} };
				this.updateUrl('push');
				void this.search();
				this.input.focus();
			});
		}
		this.more.addEventListener('click', () => {
			const next = this.shown;
			void this.renderMore();
			this.list.querySelectorAll<HTMLAnchorElement>('.search-result a')[next]?.focus();
		});
		this.doc.defaultView?.addEventListener('popstate', () => {
			this.state = parseSearchState(new URLSearchParams(this.doc.location.search));
			this.showState();
			void this.search();
		});
		this.input.addEventListener('keydown', (event) => {
			if (event.key === 'ArrowDown') {
				const first = this.resultLinks()[0];
				if (first) {
					event.preventDefault();
					first.focus();
				}
			}
		});
		this.list.addEventListener('keydown', (event) => {
			const links = this.resultLinks();
			const index = links.indexOf(event.target as HTMLAnchorElement);
			if (index < 0) return;
			if (event.key === 'ArrowDown' && links[index + 1]) {
				event.preventDefault();
				links[index + 1]!.focus();
			} else if (event.key === 'ArrowUp') {
				event.preventDefault();
				(links[index - 1] ?? this.input).focus();
			} else if (event.key === 'Escape') {
				event.preventDefault();
				this.input.focus();
			}
		});
	}

	/**
	 * Searches what the box holds now, at once; while such a search is under way, once it is
	 * done, for whatever the box holds then. No delay after a keystroke, and no searches
	 * piling up behind one another while the reader types.
	 */
	private searchTyped(): void {
		if (this.typing) {
			this.typedSince = true;
			return;
		}
		this.state = { ...this.state, q: this.input.value };
		const typing = this.search();
		this.typing = typing;
		void typing.finally(() => {
			this.typing = undefined;
			if (!this.typedSince) return;
			this.typedSince = false;
			// Some browsers send an input event after compositionend too: the same text needs no second search.
			if (this.input.value !== this.state.q) this.searchTyped();
		});
		// The address once the first result is drawn: replacing it costs a keystroke some milliseconds.
		void typing.then(() => this.firstResult).finally(() => this.updateUrl('replace'));
	}

	private resultLinks(): HTMLAnchorElement[] {
		return [...this.list.querySelectorAll<HTMLAnchorElement>('.search-result h3 a')];
	}

	private updateUrl(mode: 'push' | 'replace'): void {
		const url = `${this.doc.location.pathname}${serializeSearchState(this.state)}`;
		if (url === `${this.doc.location.pathname}${this.doc.location.search}`) return;
		const history = this.doc.defaultView!.history;
		if (mode === 'push') history.pushState(null, '', url);
		else history.replaceState(null, '', url);
	}

	/** Puts the state into the form (on load and on back/forward). */
	private showState(): void {
		this.input.value = this.state.q;
		const header = this.doc.querySelector<HTMLInputElement>('#header-q');
		if (header) header.value = this.state.q;
		this.sortSelect.value = this.state.sort;
		this.facetsShown?.render(this.state.filters);
	}

	private async search(): Promise<void> {
		const pagefind = this.pagefind;
		if (!pagefind) return;
		const generation = ++this.generation;
		const loading = setTimeout(() => {
			if (generation === this.generation) this.status.textContent = this.config.messages.loading;
		}, LOADING_DELAY_MS);
		try {
			const plan = planQuery(this.state.q, this.fold);
			const { filters, sort } = this.state;
			const filtering = FACETS.some((facet) => filters[facet]);
			const [matched, facets] = await Promise.all([
				// Ranking is wasted when the answer goes in date order.
				this.matchPages(pagefind, plan, sort === 'relevance', filtering),
				filtering ? this.loadFacetModule().then(async (facets) => (await facets.ready(filters), facets)) : undefined,
			]);
			if (generation !== this.generation) return;
			const pages = matched ?? allPages(this.pageCount);
			// Browsing lists the newest first unless the reader chose otherwise.
			const order = sort === 'relevance' && matched === null ? 'newest' : sort;
			const filtered = facets ? facets.apply(pages, filters) : [...pages];
			if (facets) facets.render(filters);
			this.plan = plan;
			this.matched = pages;
			this.results = order === 'relevance' ? filtered : byDate(filtered, order);
			this.list.replaceChildren();
			// Which query the list answers: for tests and for anyone scripting the page.
			this.list.dataset.query = this.state.q;
			this.shown = 0;
			const first = this.renderMore();
			this.renderStatus();
			// Facet counts once the first result is drawn: rebuilding the selects' options costs more than the search.
			void first
				.then(() => new Promise((resolve) => setTimeout(resolve, 0)))
				.then(() => {
					if (generation !== this.generation) return;
					this.facetsShown?.update(pages, filters);
				});
		} catch (error) {
			if (generation === this.generation) this.fail(error, 'search');
		} finally {
			clearTimeout(loading);
		}
	}

	/** `matchPages` (run.ts), remembered for the last MATCHES_KEPT searches; a failed search is not remembered. */
	private matchPages(pagefind: PagefindWasmSearch, plan: QueryPlan, ranked: boolean, filtering: boolean): Promise<number[] | null> {
		const key = JSON.stringify([plan.match, plan.rank, plan.guards, ranked]);
		let pending = this.matches.get(key);
		if (pending) this.matches.delete(key);
		else {
			// The best-ranked page is almost always the first result: its result file is fetched while the matching search runs.
			const prefetch = (pages: readonly number[]) => {
				if (!filtering && pages[0] !== undefined) void this.display(pageId(pages[0])).catch(() => {});
			};
			pending = matchPages(pagefind, plan, ranked, prefetch);
			pending.catch(() => this.matches.delete(key));
		}
		this.matches.set(key, pending);
		if (this.matches.size > MATCHES_KEPT) this.matches.delete(this.matches.keys().next().value!);
		return pending;
	}

	private renderStatus(): void {
		const { messages } = this.config;
		const total = this.results.length;
		const hasQuery = this.plan.match !== null;
		const filtered = Object.values(this.state.filters).some(Boolean);
		this.status.textContent = total
			? fillMessage(hasQuery ? messages.found : messages.all, total)
			: hasQuery
				? fillMessage(messages.noneFor, this.state.q.trim())
				: messages.noneFiltered;
		this.empty.hidden = total > 0;
		for (const button of this.doc.querySelectorAll<HTMLButtonElement>('[data-clear-filters]')) button.hidden = !filtered;
		this.more.hidden = this.shown >= total;
	}

	/** Draws the next page of results; resolves when its first result is drawn. */
	private renderMore(): Promise<void> {
		const ids = this.results.slice(this.shown, this.shown + PAGE_SIZE).map(pageId);
		this.shown += ids.length;
		this.more.hidden = this.shown >= this.results.length;
		const needles = this.plan.phrases.map((p) => p.text);
		const items = ids.map(() => {
			const item = this.doc.createElement('li');
			item.className = 'search-result';
			item.setAttribute('aria-busy', 'true');
			this.list.append(item);
			return item;
		});
		const fill = (index: number) =>
			this.display(ids[index]!)
				.then((display) => {
					items[index]!.replaceChildren(...this.resultContent(display, needles));
					items[index]!.removeAttribute('aria-busy');
				})
				.catch((error) => {
					console.error(`search: result ${ids[index]} could not be loaded`, error);
					items[index]!.remove();
				});
		// The first result before the rest: it is what the reader looks at first.
		if (!ids.length) return Promise.resolve();
		const first = fill(0);
		if (this.shown === ids.length) this.firstResult = first;
		void first.then(() => ids.slice(1).forEach((_, i) => void fill(i + 1)));
		return first;
	}

	/** Case ids of every current result, in order (for 下载当前结果, src/lib/browser/result-csv.ts). */
	async resultCaseIds(): Promise<string[]> {
		const displays = await Promise.all(this.results.map((n) => this.display(pageId(n))));
		return displays.map((d) => d.id);
	}

	private display(id: string): Promise<ResultDisplay> {
		let pending = this.displays.get(id);
		if (!pending) {
			const url = searchDataPath(this.config.base, displayFile(this.version, this.config.script, id));
			pending = fetch(url).then((response) => {
				if (!response.ok) throw new Error(`${url}: ${response.status}`);
				return response.json() as Promise<ResultDisplay>;
			});
			this.displays.set(id, pending);
		}
		return pending;
	}

	private resultContent(display: ResultDisplay, needles: readonly string[]): Node[] {
		const doc = this.doc;
		const [title, subtitle] = display.t.split('\n');
		const heading = doc.createElement('h3');
		const link = doc.createElement('a');
		link.href = this.config.caseUrl.replace('{id}', display.id);
		appendSegments(link, highlight(title ?? '', needles, this.fold));
		if (subtitle) {
			const sub = doc.createElement('span');
			sub.className = 'subtitle';
			appendSegments(sub, highlight(subtitle, needles, this.fold));
			link.append(sub);
		}
		heading.append(link);

		const meta = doc.createElement('p');
		meta.className = 'search-result-meta';
		const part = (text: string, className: string) => {
			const span = doc.createElement('span');
			span.className = className;
			appendSegments(span, highlight(text, needles, this.fold));
			meta.append(span);
		};
		part(display.u, 'unit');
		if (display.p.length) part(display.p.join(' › '), 'place');
		for (const issue of display.i) part(issue, 'issue');
		const time = doc.createElement('time');
		time.dateTime = display.d;
		time.textContent = formatDate(display.d);
		meta.append(time);

		const text = doc.createElement('p');
		text.className = 'search-result-excerpt';
		appendSegments(text, excerpt([display.s, ...display.b.split('\n')], needles, this.fold));
		return [heading, meta, text];
	}

	/** `missing`: no index (astro dev, or not built yet); `broken`: it failed to load; `search`: one search failed. */
	private fail(error: unknown, kind: 'missing' | 'broken' | 'search'): void {
		console.error('search:', error);
		this.status.textContent = kind === 'missing' ? this.config.messages.notBuilt : this.config.messages.failed;
		this.filtersBox.hidden = kind !== 'search';
	}
}

/** Starts the search page from its #search-config; returns it, or undefined on a page without one. */
export function startSearch(doc: Document): SearchPage | undefined {
	const source = doc.getElementById('search-config');
	if (!source?.textContent) return undefined;
	const page = new SearchPage(doc, JSON.parse(source.textContent) as SearchPageConfig);
	void page.start();
	return page;
}
