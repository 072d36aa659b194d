// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkJoinCjkLines from './src/lib/markdown/remark-join-cjk-lines.ts';
import rehypeScriptVariants from './src/lib/convert/rehype-script-variants.ts';
import { loadSiteConfig } from './src/lib/content/site-config.ts';
import { sitemapOptions } from './src/lib/publish/sitemap.ts';

const site = loadSiteConfig();
const outDir = process.env.COMPENDIUM_OUT_DIR ?? './dist';

// Astro 7's default Markdown processor (Sätteri) runs no remark plugins: the unified
// processor is configured explicitly so GFM, CJK-friendly emphasis and line joining run.
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
	markdown: {
		processor: unified({
			gfm: false,
			smartypants: false,
			remarkPlugins: [remarkGfm, remarkCjkFriendly, remarkCjkFriendlyGfmStrikethrough, remarkJoinCjkLines],
			rehypePlugins: [rehypeScriptVariants],
		}),
	},
	integrations: [mdx(), sitemap(sitemapOptions(site, fileURLToPath(new URL(outDir, import.meta.url))))],
});
