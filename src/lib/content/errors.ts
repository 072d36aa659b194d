/**
 * Turns zod issues into lines an editor can act on: the field path as written in
 * YAML (metrics[2].value), what was expected and what was found.
 */
import { z } from 'astro/zod';
import { checkMessages, messageLanguage } from '../i18n/messages/index.ts';

/** Makes zod's own messages (wrong type, too short …) speak the current message language. */
export function useSchemaLanguage(): void {
	z.config(messageLanguage() === 'zh' ? z.locales.zhCN() : z.locales.en());
}

/** A field path as an editor reads it in YAML (metrics[2].value); `(frontmatter)` for the whole block. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${String(key)}` : String(key);
	}
	return out || '(frontmatter)';
}

/** One line per issue: `field: message`. Adds "found" where zod's own message lacks it. */
export function formatZodIssues(issues: ReadonlyArray<z.core.$ZodIssue>): string[] {
	return issues.map((issue) => {
		let message = issue.message;
		if (issue.code === 'unrecognized_keys') {
			message = checkMessages.unknownFields(issue.keys);
		} else if (issue.code === 'invalid_type' && !('input' in issue && issue.input !== undefined)) {
			message = checkMessages.missingField(message);
		}
		return `${formatPath(issue.path)}: ${message}`;
	});
}
