/** RSS feed of an edition's issues (/zh-hans/issues.xml): each issue with its contents. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCaseMap, getIssues, getMethods } from '../../lib/content/collections.ts';
import { loadSiteConfig } from '../../lib/content/site-config.ts';
import { feedChannel, issueFeedItems, type FeedContext } from '../../lib/publish/feed.ts';
import type { Script } from '../../schemas/script.ts';
import { keyedScriptPaths } from '../../lib/compendium/listing-key.ts';
import { corpusDigest } from '../../lib/compendium/corpus-key.ts';

// Made from every case and issue: copied while none of them changed.
export const getStaticPaths = () => keyedScriptPaths('issues.xml', corpusDigest);

export const GET: APIRoute<{ script: Script }> = async ({ props }) => {
	const site = loadSiteConfig();
	const [issues, caseMap, methods] = await Promise.all([getIssues(), getCaseMap(), getMethods()]);
	const context: FeedContext = {
		script: props.script,
		base: import.meta.env.BASE_URL,
		siteUrl: site.url,
		methodName: (slug) => methods.get(slug)?.data.name,
	};
	return rss({ ...feedChannel(context, site, 'issues'), items: issueFeedItems(issues, caseMap, context) });
};
