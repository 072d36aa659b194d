/**
 * The GET handler of an open-data CSV file (cases.csv, metrics.csv): the site's records in
 * the page's script, written by `toCsv` under the given columns.
 */
import type { APIRoute } from 'astro';
import type { CaseRecord } from './record.ts';
import type { Script } from '../../schemas/script.ts';
import type { Column } from './columns.ts';
import { toCsv } from './csv.ts';
import { siteRecords } from './load.ts';

/** A route answering one CSV file: a header of `columns`, then `rowsOf` the published records. */
export function csvRoute(
	columns: readonly Column[],
	rowsOf: (records: readonly CaseRecord[]) => (string | number)[][],
): APIRoute<{ script: Script }> {
	return async ({ props }) => {
		const csv = toCsv(
			columns.map((c) => c.name),
			rowsOf(await siteRecords(props.script)),
		);
		return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
	};
}
