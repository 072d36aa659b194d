/**
 * The one Markdown pipeline: the remark and rehype plugins Astro's build (astro.config.mjs),
 * the content layer's body renderer (render-body.ts), `npm run check` (which compiles
 * every body exactly as the build does) and the script conversion's text reader
 * (convert/mdx-text.ts) all use.
 *
 * Astro 7's default Markdown processor (Sätteri) runs no remark plugins, so the unified
 * processor is configured explicitly: safety first (refuses code and markup, see
 * mdx-safety.ts), then GFM, CJK-friendly emphasis, joined Han line breaks, and the
 * rehype step that renders each text in both scripts.
 */
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import rehypeScriptVariants from '../convert/rehype-script-variants.ts';
import remarkSafeMdx from './mdx-safety.ts';
import remarkJoinCjkLines from './remark-join-cjk-lines.ts';

/** The site settings the pipeline depends on (content/site.yaml). */
export interface PipelineSettings {
	/** Allow import/export, {expressions} and any component in bodies (an office's own choice). */
	trustedMdx?: boolean;
}

/** The remark plugins, in order: the safety scan first, then syntax and text fixes. */
export function remarkPlugins(settings: PipelineSettings = {}): PluggableList {
	return [
		[remarkSafeMdx, { trusted: settings.trustedMdx ?? false }],
		remarkGfm,
		remarkCjkFriendly,
		remarkCjkFriendlyGfmStrikethrough,
		remarkJoinCjkLines,
	];
}

/** The rehype plugins, in order. */
export function rehypePlugins(): PluggableList {
	return [rehypeScriptVariants];
}

/** The processor for astro.config.mjs `markdown.processor` (MDX inherits it). */
export function markdownProcessor(settings: PipelineSettings = {}) {
	return unified({
		gfm: false,
		smartypants: false,
		remarkPlugins: remarkPlugins(settings) as never,
		rehypePlugins: rehypePlugins() as never,
	});
}
