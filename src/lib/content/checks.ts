/**
 * The per-case checks `npm run check` runs beyond the schema. Kept in one list so the
 * build and the check command agree.
 */
import type { CaseCheck } from './validate.ts';

export function contentChecks(): CaseCheck[] {
	return [];
}
