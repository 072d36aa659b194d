// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/lib/markdown/plugins.ts';
import { loadSiteConfig } from './src/lib/content/site-config.ts';
import { sitemapOptions } from './src/lib/publish/sitemap.ts';
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
	build: { format: 'directory', inlineStylesheets: 'auto' },
	devToolbar: { enabled: false },
	// Case and issue pages whose cacheKey (src/lib/compendium/cache-key.ts) and code are
	// unchanged are copied from the previous build. COMPENDIUM_INCREMENTAL=off renders all.
	experimental: { incrementalBuild: process.env.COMPENDIUM_INCREMENTAL !== 'off' },
	markdown: { processor: markdownProcessor(site) },
	integrations: [mdx(), sitemap(sitemapOptions(site, fileURLToPath(new URL(outDir, import.meta.url)))), compendium()],
});
