/**
 * 下载当前结果: the search page's current (filtered) results as a CSV file in cases.csv's
 * shape. The rows come from this script's cases.json, in the order of the results.
 */
import { toCsv } from '../data-export/csv.ts';
import { rowsFor } from '../data-export/rows.ts';

/** The download's settings, embedded in the page as JSON (#results-csv-config). */
export interface ResultCsvConfig {
	/** This script's cases.json. */
	dataUrl: string;
	columns: string[];
	fileName: string;
	preparing: string;
}

/** Shows the download button and, on click, saves the current results as CSV; cases.json is fetched on first use. */
export function enableResultCsv(doc: Document, resultCaseIds: () => Promise<string[]>): void {
	const button = doc.querySelector<HTMLButtonElement>('[data-download-results]');
	const source = doc.getElementById('results-csv-config');
	if (!button || !source?.textContent) return;
	const config = JSON.parse(source.textContent) as ResultCsvConfig;
	button.hidden = false;
	const label = button.textContent;
	let records: Promise<Map<string, object>> | undefined;
	button.addEventListener('click', async () => {
		button.disabled = true;
		button.textContent = config.preparing;
		try {
			records ??= fetch(config.dataUrl)
				.then((response) => response.json() as Promise<{ cases: ({ id: string } & object)[] }>)
				.then((data) => new Map(data.cases.map((c) => [c.id, c])));
			const [byId, ids] = await Promise.all([records, resultCaseIds()]);
			const rows = rowsFor(
				ids.map((id) => byId.get(id)).filter((r): r is object => r !== undefined),
				config.columns,
			);
			const url = URL.createObjectURL(new Blob([toCsv(config.columns, rows)], { type: 'text/csv;charset=utf-8' }));
			const link = doc.createElement('a');
			link.href = url;
			link.download = config.fileName;
			doc.body.append(link);
			link.click();
			link.remove();
			setTimeout(() => URL.revokeObjectURL(url), 10_000);
		} finally {
			button.disabled = false;
			button.textContent = label;
		}
	});
}
