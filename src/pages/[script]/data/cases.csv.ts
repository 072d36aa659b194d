/** cases.csv: every published case, one row each, in the page's script (UTF-8 with BOM). */
import { CASE_COLUMNS, caseRows } from '../../../lib/data-export/columns.ts';
import { csvRoute } from '../../../lib/data-export/csv-route.ts';
import { keyedScriptPaths } from '../../../lib/compendium/listing-key.ts';
import { corpusDigest } from '../../../lib/compendium/corpus-key.ts';

// Made from every case and issue: copied while none of them changed.
export const getStaticPaths = () => keyedScriptPaths('cases.csv', corpusDigest);

export const GET = csvRoute(CASE_COLUMNS, caseRows);
