/** metrics.csv: every figure of every published case, one row each, in the page's script. */
import { METRIC_COLUMNS, metricRowsOf } from '../../../lib/data-export/columns.ts';
import { csvRoute } from '../../../lib/data-export/csv-route.ts';
import { scriptPaths } from '../../../lib/i18n/static-paths.ts';

export const getStaticPaths = scriptPaths;

export const GET = csvRoute(METRIC_COLUMNS, metricRowsOf);
