/** The web app manifest of an edition (/zh-hans/manifest.webmanifest). */
import type { APIRoute } from 'astro';
import { loadSiteConfig } from '../../lib/content/site-config.ts';
import { webManifest } from '../../lib/publish/manifest.ts';
import type { Script } from '../../schemas/script.ts';
import { keyedScriptPaths } from '../../lib/compendium/listing-key.ts';

export const getStaticPaths = () => keyedScriptPaths('manifest');

export const GET: APIRoute<{ script: Script }> = ({ props }) =>
	new Response(`${JSON.stringify(webManifest(loadSiteConfig(), props.script), null, '\t')}\n`, {
		headers: { 'content-type': 'application/manifest+json' },
	});
