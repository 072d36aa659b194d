/** The two scripts every page exists in. `hans` is 简体, `hant` is 繁體. */
import { z } from 'astro/zod';

export const SCRIPTS = ['hans', 'hant'] as const;
export const ScriptSchema = z.enum(SCRIPTS, {
	error: (issue) => `expected "hans" (简体) or "hant" (繁體), found ${JSON.stringify(issue.input)}`,
});
export type Script = z.infer<typeof ScriptSchema>;
