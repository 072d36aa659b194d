/**
 * Reads content/site.yaml once. Astro's config, the pages and the scripts all take the
 * office's settings from here.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { SiteSchema, type Site } from '../../schemas/site.ts';
import { contentPaths } from './paths.ts';
import { formatZodIssues } from './errors.ts';

let cached: Site | undefined;

export function loadSiteConfig(): Site {
	if (cached) return cached;
	const file = contentPaths.site();
	const result = SiteSchema.safeParse(parse(readFileSync(file, 'utf8')));
	if (!result.success) {
		throw new Error(`Invalid site configuration in ${file}:\n${formatZodIssues(result.error.issues).join('\n')}`);
	}
	cached = result.data;
	return cached;
}
