/**
 * File names for drafts. No romanisation package is installed, so a case is named by its
 * region code and a short hash of its title and unit (330822-5f3a9c): ASCII, stable
 * across re-imports of the same text, and distinct for different cases.
 */
import { createHash } from 'node:crypto';
import { hanOnly } from './cjk.ts';
import { toSimplified } from './script.ts';

export function shortHash(...parts: string[]): string {
	// Hash the simplified Han text, so a 繁體 and a 简体 copy of one case get the same name.
	const key = parts.map((p) => hanOnly(toSimplified(p)) || p).join('\u0000');
	return createHash('sha256').update(key).digest('hex').slice(0, 6);
}

export function caseSlug(regionCode: string, title: string, unit: string): string {
	return `${regionCode}-${shortHash(title, unit)}`;
}

export function issueSlug(series: string, number: number): string {
	return `issue-${shortHash(series, String(number))}-${number}`;
}

/** Makes `slug` unique among `taken` by appending -2, -3 … */
export function uniqueSlug(slug: string, taken: Set<string>): string {
	let candidate = slug;
	for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
	taken.add(candidate);
	return candidate;
}
