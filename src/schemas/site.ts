/**
 * content/site.yaml: everything an office changes to publish its own compendium,
 * so adopting the project never means editing src/.
 */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';
import { ScriptSchema } from './script.ts';

/** OpenCC standards for 繁體 output: Taiwan, Hong Kong, or plain OpenCC. */
export const TRADITIONAL_STANDARDS = ['tw', 'hk', 't'] as const;

/** What a build publishes: the public site, or the internal edition that includes 内部资料 issues. */
export const EDITIONS = ['public', 'internal'] as const;
/** A build's edition: `public` or `internal`. */
export type Edition = (typeof EDITIONS)[number];

/** How printed issues (PDF, Word) show a case's key figures: as a 主要数据 table, or not at all (they are in the text). */
export const KEY_FIGURES_IN_PRINT = ['table', 'none'] as const;

/** Quotation marks in the printed 繁體 edition: 「」 (corner), “” (curly), or auto (corner for tw and hk). */
export const TRADITIONAL_QUOTES = ['auto', 'corner', 'curly'] as const;

/** Validates content/site.yaml: title, publishing office, URL and base path, script and print settings, footer lines. */
export const SiteSchema = z.strictObject({
	/** Site title, written in simplified Chinese (converted for 繁體). */
	title: z.string().min(1),
	description: z.string().min(1),
	/** The office that publishes the site. */
	organization: z.string().min(1),
	/** Public URL of the site, e.g. https://www.example.gov.cn (used for canonical links, sitemap, feeds). */
	url: z.url({
		protocol: /^https?$/,
		error: (issue) => m.siteUrl(issue.input),
	}),
	/** Sub-path the site is served under, e.g. /dxal/ ; "/" at a domain root. */
	base: z.string().startsWith('/').default('/'),
	/** The script a first-time reader gets when the browser states no preference. */
	defaultScript: ScriptSchema.default('hans'),
	/** OpenCC character standard for 繁體 pages: Taiwan (tw), Hong Kong (hk) or plain OpenCC (t). */
	traditional: z.enum(TRADITIONAL_STANDARDS).default('tw'),
	/** public (default) leaves issues marked internal out; internal builds the edition for internal circulation. */
	edition: z.enum(EDITIONS).default('public'),
	/** Key figures in printed issues; an issue can override it. */
	keyFiguresInPrint: z.enum(KEY_FIGURES_IN_PRINT).default('table'),
	/** Quotation marks in the printed 繁體 edition. */
	traditionalQuotes: z.enum(TRADITIONAL_QUOTES).default('auto'),
	/** ICP备案号 shown in the footer, e.g. 京ICP备12345678号. */
	icp: z.string().optional(),
	/** 公安备案号 shown in the footer. */
	publicSecurity: z.string().optional(),
	/** Further footer lines (address, contact), written in simplified Chinese. */
	footer: z.array(z.string()).default([]),
	/**
	 * Trust case and issue bodies to run code: allows import/export, {expressions} and any
	 * component. Off by default: bodies come from imported documents and many editors, and
	 * nothing in them may run at build time or publish live markup.
	 */
	trustedMdx: z.boolean().default(false),
});
/** The site settings after validation and defaults. */
export type Site = z.infer<typeof SiteSchema>;
