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
const cacheDir = process.env.COMPENDIUM_CACHE_DIR ?? './node_modules/.astro';
const incremental = process.env.COMPENDIUM_INCREMENTAL !== 'off';

// One Markdown pipeline (src/lib/markdown/plugins.ts), shared with `npm run check`.
export default defineConfig({
	site: site.url,
	base: site.base,
	trailingSlash: 'always',
	outDir,
	cacheDir,
	// Eight pages at a time: a rebuild restores most pages from the incremental cache (a
	// folder check and a file copy each, in Node's four I/O threads), and one at a time that
	// was most of the rebuild (2,000 cases, nothing changed: static generation 29.8 s → 11.2 s
	// at four). Eight keep the I/O threads busy while the main thread handles finished copies.
	// The sitemap is sorted so its order stays the same whichever page finishes first
	// (src/lib/publish/ordered-sitemap.ts).
	build: { format: 'directory', inlineStylesheets: 'auto', concurrency: 8 },
	// Astro's terminal log, less the two lines per page copied from the incremental cache
	// (104,000 lines in a 10,000-case rebuild); the build's reuse line counts those pages.
	logger: { entrypoint: new URL('./src/lib/build/page-log.mjs', import.meta.url) },
	devToolbar: { enabled: false },
	// Case and issue pages whose cacheKey (src/lib/compendium/cache-key.ts) and code are
	// unchanged are copied from the previous build. COMPENDIUM_INCREMENTAL=off renders all.
	experimental: { incrementalBuild: incremental },
	markdown: { processor: markdownProcessor(site) },
	integrations: [
		mdx(),
		withPagesInOrder(
			sitemap(
				sitemapOptions(
					site,
					fileURLToPath(new URL(outDir, import.meta.url)),
					incremental ? fileURLToPath(new URL(cacheDir, import.meta.url)) : undefined,
				),
			),
		),
		compendium(),
	],
});
