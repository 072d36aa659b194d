/** The two scripts every page exists in. `hans` is 简体, `hant` is 繁體. */
import { z } from 'astro/zod';
import { schemaMessages as m } from '../lib/i18n/messages/index.ts';

/** Script codes, simplified first. */
export const SCRIPTS = ['hans', 'hant'] as const;
/** Validates a script code (`hans` or `hant`). */
export const ScriptSchema = z.enum(SCRIPTS, {
	error: (issue) => m.script(issue.input),
});
/** A script code: `hans` or `hant`. */
export type Script = z.infer<typeof ScriptSchema>;
