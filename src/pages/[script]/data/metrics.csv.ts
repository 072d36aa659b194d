/** metrics.csv: every figure of every published case, one row each, in the page's script. */
import type { APIRoute } from 'astro';
import { METRIC_COLUMNS, metricRowsOf } from '../../../lib/data-export/columns.ts';
import { toCsv } from '../../../lib/data-export/csv.ts';
import { siteRecords } from '../../../lib/data-export/load.ts';
import { scriptPaths } from '../../../lib/i18n/static-paths.ts';
import type { Script } from '../../../schemas/script.ts';

export const getStaticPaths = scriptPaths;

export const GET: APIRoute<{ script: Script }> = async ({ props }) => {
	const records = await siteRecords(props.script);
	const csv = toCsv(
		METRIC_COLUMNS.map((c) => c.name),
		metricRowsOf(records),
	);
	return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
