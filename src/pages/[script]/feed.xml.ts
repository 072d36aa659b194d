/** RSS feed of an edition's newest cases (/zh-hans/feed.xml), in the edition's script. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCases, getMethods } from '../../lib/content/collections.ts';
import { loadSiteConfig } from '../../lib/content/site-config.ts';
import { caseFeedItems, feedChannel, type FeedContext } from '../../lib/publish/feed.ts';
import type { Script } from '../../schemas/script.ts';
import { keyedScriptPaths } from '../../lib/compendium/listing-key.ts';
import { corpusDigest } from '../../lib/compendium/corpus-key.ts';

// Made from every case and issue: copied while none of them changed.
export const getStaticPaths = () => keyedScriptPaths('feed.xml', corpusDigest);

export const GET: APIRoute<{ script: Script }> = async ({ props }) => {
	const site = loadSiteConfig();
	const [cases, methods] = await Promise.all([getCases(), getMethods()]);
	const context: FeedContext = {
		script: props.script,
		base: import.meta.env.BASE_URL,
		siteUrl: site.url,
		methodName: (slug) => methods.get(slug)?.data.name,
	};
	return rss({ ...feedChannel(context, site, 'cases'), items: caseFeedItems(cases, context) });
};
