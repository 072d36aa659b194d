/** cases.json: every published case as a record (CaseRecordSchema), in the page's script. */
import type { APIRoute } from 'astro';
import { siteRecords } from '../../../lib/data-export/load.ts';
import type { Script } from '../../../schemas/script.ts';
import { keyedScriptPaths } from '../../../lib/compendium/listing-key.ts';
import { corpusDigest } from '../../../lib/compendium/corpus-key.ts';

// Made from every case and issue: copied while none of them changed.
export const getStaticPaths = () => keyedScriptPaths('cases.json', corpusDigest);

export const GET: APIRoute<{ script: Script }> = async ({ props }) => {
	const cases = await siteRecords(props.script);
	return new Response(`${JSON.stringify({ script: props.script, count: cases.length, cases }, null, 1)}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
