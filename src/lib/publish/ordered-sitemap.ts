/**
 * @astrojs/sitemap lists pages in the order Astro finished them. With `build.concurrency`
 * above 1 (astro.config.mjs: restoring cached pages one at a time was most of a rebuild)
 * that order depends on which copy or render finished first, so an incremental build's
 * sitemap could differ from a clean build's. Handing the integration its pages sorted by
 * address makes the sitemap the same whatever the order.
 */
import type { AstroIntegration } from 'astro';

type BuildDoneHook = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** `integration` (the sitemap) seeing the built pages in address order. */
export function withPagesInOrder(integration: AstroIntegration): AstroIntegration {
	const done = integration.hooks['astro:build:done'];
	if (!done) return integration;
	const inOrder: BuildDoneHook = (params) =>
		done({ ...params, pages: [...params.pages].sort((a, b) => (a.pathname < b.pathname ? -1 : a.pathname > b.pathname ? 1 : 0)) });
	return { ...integration, hooks: { ...integration.hooks, 'astro:build:done': inOrder } };
}
