/**
 * Progressive enhancement for the metrics view: click a column header to sort, pick a
 * unit to filter. The table is complete and readable without it.
 */
type SortKey = 'label' | 'value' | 'unit' | 'case';

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
			for (const other of table.querySelectorAll('th[data-sort]')) other.setAttribute('aria-sort', 'none');
			th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
		});
	}

	const applyFilter = () => {
		let shown = 0;
		for (const row of rows) {
			const visible = !select.value || row.dataset.unit === select.value;
			row.hidden = !visible;
			if (visible) shown++;
		}
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
