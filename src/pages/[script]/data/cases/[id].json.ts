/** One case's open-data record: what the compare page fetches for each chosen case. */
import type { APIRoute } from 'astro';
import { getCases } from '../../../../lib/content/collections.ts';
import { siteRecordsById } from '../../../../lib/data-export/load.ts';
import { scriptPathsFor } from '../../../../lib/i18n/static-paths.ts';
import type { Script } from '../../../../schemas/script.ts';

export async function getStaticPaths() {
	return scriptPathsFor(await getCases(), 'id', (entry) => entry.id);
}

export const GET: APIRoute<{ script: Script; item: { id: string } }> = async ({ props }) => {
	const record = (await siteRecordsById(props.script)).get(props.item.id);
	return new Response(JSON.stringify(record), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
