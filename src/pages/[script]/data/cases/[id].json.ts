/** One case's open-data record: what the compare page fetches for each chosen case. */
import type { APIRoute } from 'astro';
import { siteRecordOf } from '../../../../lib/data-export/load.ts';
import { caseRecordPaths } from '../../../../lib/data-export/paths.ts';
import type { Script } from '../../../../schemas/script.ts';

export async function getStaticPaths() {
	// Incremental builds copy a record whose key is unchanged (src/lib/data-export/paths.ts).
	return caseRecordPaths();
}

export const GET: APIRoute<{ script: Script; item: { id: string } }> = async ({ props }) => {
	const record = await siteRecordOf(props.script, props.item.id);
	return new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
