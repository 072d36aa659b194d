/**
 * content/glossary.yaml: terms the 简/繁 conversion must leave alone or convert a
 * fixed way (names of people, places and organisations, policy terms).
 */
import { z } from 'astro/zod';

/** Validates one glossary term: its simplified form, optional traditional form and a note. */
export const GlossaryEntrySchema = z.strictObject({
	/** The simplified form. */
	hans: z.string().min(1),
	/** The traditional form; leave out when the term is written the same in both. */
	hant: z.string().min(1).optional(),
	/** Why the entry exists, for the next editor. */
	note: z.string().optional(),
});
/** Validates the whole of content/glossary.yaml: a list of glossary terms. */
export const GlossarySchema = z.array(GlossaryEntrySchema);
/** One glossary term after validation. */
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
