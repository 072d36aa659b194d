/**
 * Issues already in the issues directory, keyed by series and number, so that importing
 * an issue a second time targets the existing file (and needs --force) instead of adding
 * a duplicate 第N期 that `npm run check` would reject.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../content/frontmatter.ts';
import { hanOnly } from './cjk.ts';
import { toSimplified } from './script.ts';

/** Series compare by their Han characters in simplified form: punctuation and script do not matter. */
export function issueKey(series: string, number: number): string {
	return `${hanOnly(toSimplified(series))}#${number}`;
}

/** The issue files in `dir` by {@link issueKey}, each mapped to its path; files without a readable series and number are skipped. */
export function existingIssues(dir: string): Map<string, string> {
	const found = new Map<string, string>();
	if (!existsSync(dir)) return found;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
		const file = path.join(dir, entry.name);
		const split = splitFrontmatter(readFileSync(file, 'utf8'));
		if (!split.hasFrontmatter) continue;
		try {
			const data = parse(split.yaml) as { series?: unknown; number?: unknown } | null;
			if (typeof data?.series === 'string' && typeof data.number === 'number') found.set(issueKey(data.series, data.number), file);
		} catch {
			// An unreadable issue is `npm run check`'s to report, not the importer's.
		}
	}
	return found;
}
