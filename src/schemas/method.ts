/** One entry of the method taxonomy (content/methods.yaml): how a problem was tackled. */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';

/** Method slugs: lowercase letters and digits in hyphen-separated words. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Validates one method entry: slug, name, description, category and import keywords. */
export const MethodSchema = z.strictObject({
	/** Stable identifier used in cases' `methods`: lowercase letters, digits and hyphens. */
	slug: z.string().regex(SLUG_PATTERN, { error: () => m.slug() }),
	/** Display name, written in simplified Chinese (converted for 繁體 pages). */
	name: z.string().min(1),
	/** One-sentence description. */
	description: z.string().min(1),
	/** Grouping on the method browse page: 党的建设, 基层治理, 乡村振兴 … */
	category: z.string().min(1),
	/** Words that suggest the method when importing a document. */
	keywords: z.array(z.string().min(1)).default([]),
});
/** One method entry after validation and defaults. */
export type Method = z.infer<typeof MethodSchema>;
