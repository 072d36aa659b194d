// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/lib/markdown/plugins.ts';
import { loadSiteConfig } from './src/lib/content/site-config.ts';
import { sitemapOptions } from './src/lib/publish/sitemap.ts';
import { withPagesInOrder } from './src/lib/publish/ordered-sitemap.ts';
import compendium from './src/integration.ts';

// A government site builder sends nothing anywhere: Astro's anonymous usage reports stay off
// for this project whatever the machine's setting (the npm scripts also set it before Astro starts).
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const site = loadSiteConfig();
const outDir = process.env.COMPENDIUM_OUT_DIR ?? './dist';

// One Markdown pipeline (src/lib/markdown/plugins.ts), shared with `npm run check`.
export default defineConfig({
	site: site.url,
	base: site.base,
	trailingSlash: 'always',
	outDir,
	cacheDir: process.env.COMPENDIUM_CACHE_DIR ?? './node_modules/.astro',
	// Four pages at a time: a rebuild restores most pages from the incremental cache, one
	// file copy each, and one at a time that was most of the rebuild (2,000 cases, nothing
	// changed: static generation 29.8 s → 11.2 s). The sitemap is sorted so its order stays
	// the same whichever page finishes first (src/lib/publish/ordered-sitemap.ts).
	build: { format: 'directory', inlineStylesheets: 'auto', concurrency: 4 },
	devToolbar: { enabled: false },
	// Case and issue pages whose cacheKey (src/lib/compendium/cache-key.ts) and code are
	// unchanged are copied from the previous build. COMPENDIUM_INCREMENTAL=off renders all.
	experimental: { incrementalBuild: process.env.COMPENDIUM_INCREMENTAL !== 'off' },
	markdown: { processor: markdownProcessor(site) },
	integrations: [mdx(), withPagesInOrder(sitemap(sitemapOptions(site, fileURLToPath(new URL(outDir, import.meta.url))))), compendium()],
});
