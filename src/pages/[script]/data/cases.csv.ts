/** cases.csv: every published case, one row each, in the page's script (UTF-8 with BOM). */
import { CASE_COLUMNS, caseRows } from '../../../lib/data-export/columns.ts';
import { csvRoute } from '../../../lib/data-export/csv-route.ts';
import { scriptPaths } from '../../../lib/i18n/static-paths.ts';

export const getStaticPaths = scriptPaths;

export const GET = csvRoute(CASE_COLUMNS, caseRows);
