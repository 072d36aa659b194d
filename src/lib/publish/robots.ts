/**
 * robots.txt from the site configuration, so the sitemap's address follows `url` and
 * `base`. Crawlers read robots.txt only at a host's root: a site under a sub-path
 * (base /dxal/) publishes it for the host's webmaster to merge into theirs.
 */
import type { Site } from '../../schemas/site.ts';
import { sitemapIndexPath } from './sitemap.ts';

/** The robots.txt text: everything allowed, and the sitemap index's absolute address. */
export function robotsTxt(site: Pick<Site, 'url' | 'base'>): string {
	const sitemap = new URL(sitemapIndexPath(site.base), site.url).href;
	return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemap}`, ''].join('\n');
}
