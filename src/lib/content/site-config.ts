/**
 * Reads content/site.yaml once. Astro's config, the pages and the scripts all take the
 * office's settings from here. A missing, unreadable or invalid file is the editor's to fix:
 * a {@link UserError} in the message language, on one line (a failed build shows one line).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SiteSchema, type Site } from '../../schemas/site.ts';
import { UserError } from '../cli/command.ts';
import { checkMessages } from '../i18n/messages/index.ts';
import { formatZodIssues, useSchemaLanguage } from './errors.ts';
import { contentPaths, PROJECT_ROOT } from './paths.ts';

let cached: Site | undefined;

/** The raw settings, or the reason they cannot be read. */
function readSettings(file: string): { data: unknown } | { problem: string } {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return { problem: checkMessages.fileMissing() };
	}
	try {
		return { data: parse(text) };
	} catch (error) {
		return { problem: checkMessages.invalidYaml(error instanceof Error ? error.message.split('\n')[0]! : String(error)) };
	}
}

/** The site's settings from content/site.yaml (read once); throws a {@link UserError} naming the file and each problem. */
export function loadSiteConfig(): Site {
	if (cached) return cached;
	const file = contentPaths.site();
	const shown = path.relative(PROJECT_ROOT, file) || file;
	const read = readSettings(file);
	if ('problem' in read) throw new UserError(checkMessages.invalidSiteConfig(shown, [read.problem]));
	useSchemaLanguage();
	const result = SiteSchema.safeParse(read.data);
	if (!result.success) throw new UserError(checkMessages.invalidSiteConfig(shown, formatZodIssues(result.error.issues)));
	cached = result.data;
	return cached;
}
