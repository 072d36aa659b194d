/**
 * The compare page: reads the selection from ?cases= (a shared link) or from storage,
 * keeps both in step, fetches each case's open-data record and draws the table from
 * src/lib/compare/table.ts. Text goes in with textContent only, never as markup.
 */
import type { ComparePageConfig } from '../compare/config.ts';
import { COMPARE_MIN, COMPARE_PARAM, COMPARE_STORAGE_KEY, pageSelection, serializeSelection } from '../compare/selection.ts';
import { compareTable, type ComparableCase } from '../compare/table.ts';
import { writeSelection } from './compare-buttons.ts';

function storedSelection(): string | null {
	try {
		return localStorage.getItem(COMPARE_STORAGE_KEY);
	} catch {
		return null;
	}
}

async function load(config: ComparePageConfig, id: string): Promise<ComparableCase | undefined> {
	const response = await fetch(config.recordUrl.replace('{id}', encodeURIComponent(id)));
	return response.ok ? ((await response.json()) as ComparableCase) : undefined;
}

/** Runs the compare page from its #compare-config: loads the selected cases' records and redraws the table whenever a case is removed. */
export function startComparePage(doc: Document): void {
	const source = doc.getElementById('compare-config');
	const root = doc.querySelector<HTMLElement>('[data-compare-root]');
	if (!source?.textContent || !root) return;
	const config = JSON.parse(source.textContent) as ComparePageConfig;
	const status = root.querySelector<HTMLElement>('[data-compare-status]')!;
	const holder = root.querySelector<HTMLElement>('[data-compare-table]')!;

	// Removing two cases quickly starts two loads before the table is redrawn: each removal
	// starts from the latest selection (not the one the table shows), and only the latest
	// load may draw, or a slow first load would put back the case removed second.
	let selection: string[] = [];
	let latest = 0;
	const render = async (ids: string[]) => {
		const generation = ++latest;
		selection = ids;
		writeSelection(ids);
		const url = new URL(location.href);
		if (ids.length) url.searchParams.set(COMPARE_PARAM, serializeSelection(ids));
		else url.searchParams.delete(COMPARE_PARAM);
		history.replaceState(history.state, '', url.toString().replace(/%2C/g, ','));
		const loaded = await Promise.all(ids.map((id) => load(config, id).catch(() => undefined)));
		if (generation !== latest) return;
		const missing = ids.filter((_, i) => !loaded[i]);
		const cases = loaded.filter((c): c is ComparableCase => c !== undefined);
		const notes = missing.map((id) => config.messages.notFound.replace('{0}', id));
		if (cases.length < COMPARE_MIN) notes.push(config.messages.needMore);
		status.textContent = notes.join(' ');
		holder.replaceChildren();
		if (cases.length === 0) return;
		const table = compareTable(cases, config.labels);
		const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
			const node = doc.createElement(tag);
			if (text !== undefined) node.textContent = text;
			return node;
		};
		const grid = el('table');
		grid.className = 'compare-table';
		grid.dataset.count = String(table.columns.length);
		const head = grid.createTHead().insertRow();
		const corner = el('td');
		head.append(corner);
		for (const column of table.columns) {
			const th = el('th');
			th.scope = 'col';
			const link = el('a', column.title);
			link.href = column.url.replace(/^https?:\/\/[^/]+/, '');
			const remove = el('button', config.messages.remove);
			remove.type = 'button';
			remove.className = 'compare-remove';
			const hidden = el('span', `：${column.title}`);
			hidden.className = 'visually-hidden';
			remove.append(hidden);
			remove.addEventListener('click', () => void render(selection.filter((id) => id !== column.id)));
			th.append(link, el('br'), remove);
			head.append(th);
		}
		const body = grid.createTBody();
		for (const row of table.rows) {
			const tr = body.insertRow();
			tr.dataset.row = row.key;
			const th = el('th', row.label);
			th.scope = 'row';
			tr.append(th);
			for (const lines of row.cells) {
				const td = el('td');
				if (lines.length === 0) td.textContent = '—';
				for (const line of lines) td.append(el('p', line));
				tr.append(td);
			}
		}
		const links = body.insertRow();
		const linksHead = el('th', config.messages.readFull);
		linksHead.scope = 'row';
		links.append(linksHead);
		for (const column of table.columns) {
			const td = el('td');
			const link = el('a', config.messages.readFull);
			link.href = column.url.replace(/^https?:\/\/[^/]+/, '');
			const hidden = el('span', `：${column.title}`);
			hidden.className = 'visually-hidden';
			link.append(hidden);
			td.append(link);
			links.append(td);
		}
		holder.append(grid);
	};

	void render(pageSelection(location.search, storedSelection()));
}
