/** Where a case was first published: the record an official cites. */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';
import { DateSchema } from './date.ts';

/** Validates where a case was first published: publisher, and optionally original title, link and date. */
export const SourceSchema = z.strictObject({
	/** Publishing body or site as named in the source: 中共湖南省委组织部. */
	publisher: z.string().min(1, { error: () => m.publisher() }),
	/** The original title, as published. */
	title: z.string().min(1).optional(),
	/** Link to the original, if there is one. */
	url: z.url({ protocol: /^https?$/, error: (issue) => m.url(issue.input) }).optional(),
	/** Date of the original publication. */
	published: DateSchema.optional(),
});
/** A case's source after validation. */
export type Source = z.infer<typeof SourceSchema>;
