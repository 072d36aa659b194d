/**
 * Progressive enhancement for the metrics view: click a column header to sort, pick a
 * unit to filter, and read in pages (20 rows on a phone, 50 on a wider screen). The
 * table is complete and readable without it.
 */
import { pageSlice } from '../compendium/pagination.ts';

type SortKey = 'label' | 'value' | 'unit' | 'case';

/** Adds sorting, the unit filter and paging to the metrics table, if the page has one. */
export function enhanceMetricsTable(root: Document): void {
	const table = root.querySelector<HTMLTableElement>('[data-metrics-table]');
	const controls = root.querySelector<HTMLElement>('[data-metrics-controls]');
	const select = root.querySelector<HTMLSelectElement>('#unit-filter');
	const count = root.querySelector<HTMLElement>('[data-metrics-count]');
	const body = table?.tBodies[0];
	if (!table || !controls || !select || !body) return;
	controls.hidden = false;
	const rows = [...body.rows];
	let current: { key: SortKey; ascending: boolean } = { key: 'unit', ascending: true };
	const pager = root.querySelector<HTMLElement>('[data-metrics-pages]');
	const prev = pager?.querySelector<HTMLButtonElement>('[data-page-prev]');
	const next = pager?.querySelector<HTMLButtonElement>('[data-page-next]');
	const status = pager?.querySelector<HTMLElement>('[data-page-status]');
	const size = matchMedia('(min-width: 48rem)').matches ? 50 : 20;
	let page = 1;
	/** Shows the current page of the rows that pass the filter, in table order. */
	const paginate = () => {
		const passing = [...body.rows].filter((row) => !select.value || row.dataset.unit === select.value);
		const slice = pageSlice(passing.length, size, page);
		page = slice.page;
		for (const row of body.rows) row.hidden = true;
		passing.slice(slice.start, slice.end).forEach((row) => (row.hidden = false));
		if (pager && prev && next && status) {
			pager.hidden = slice.pages < 2;
			prev.disabled = slice.page === 1;
			next.disabled = slice.page === slice.pages;
			status.textContent = (pager.dataset.pageOf ?? '{0}/{1}').replace('{0}', String(slice.page)).replace('{1}', String(slice.pages));
		}
	};
	prev?.addEventListener('click', () => {
		page--;
		paginate();
	});
	next?.addEventListener('click', () => {
		page++;
		paginate();
		table.scrollIntoView({ block: 'start' });
	});

	const compare = (key: SortKey) => (a: HTMLTableRowElement, b: HTMLTableRowElement) => {
		if (key === 'value') return Number(a.dataset.value) - Number(b.dataset.value);
		return (a.dataset[key] ?? '').localeCompare(b.dataset[key] ?? '', 'zh');
	};

	for (const th of table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
		const key = th.dataset.sort as SortKey;
		const button = root.createElement('button');
		button.type = 'button';
		button.className = 'sort-button';
		button.textContent = th.textContent;
		th.textContent = '';
		th.append(button);
		th.setAttribute('aria-sort', 'none');
		button.addEventListener('click', () => {
			const ascending = current.key === key ? !current.ascending : key !== 'value';
			current = { key, ascending };
			const sorted = [...rows].sort(compare(key));
			if (!ascending) sorted.reverse();
			body.append(...sorted);
			page = 1;
			paginate();
			for (const other of table.querySelectorAll('th[data-sort]')) other.setAttribute('aria-sort', 'none');
			th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
		});
	}

	const applyFilter = () => {
		const shown = rows.filter((row) => !select.value || row.dataset.unit === select.value).length;
		page = 1;
		paginate();
		if (count) count.textContent = `${shown} / ${rows.length}`;
		const url = new URL(location.href);
		if (select.value) url.searchParams.set('unit', select.value);
		else url.searchParams.delete('unit');
		history.replaceState(null, '', url);
	};
	select.value = new URL(location.href).searchParams.get('unit') ?? '';
	select.addEventListener('change', applyFilter);
	applyFilter();
}
