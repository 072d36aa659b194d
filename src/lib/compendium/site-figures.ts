/**
 * The compendium's totals as the home and method browse pages show them, computed in one
 * place for the page and for its cache key (./listing-key.ts), so the key digests exactly the
 * figures shown: a case whose text or date changes leaves them, and so the pages, alone.
 */
import { buildRegionTree, flattenRegionTree } from './region-tree.ts';
import type { CaseRef } from './types.ts';

/** How many cases use each method, by slug (a case counts once per method it lists). */
export function methodUsage(cases: readonly CaseRef[]): Map<string, number> {
	const usage = new Map<string, number>();
	for (const entry of cases) for (const slug of new Set(entry.data.methods)) usage.set(slug, (usage.get(slug) ?? 0) + 1);
	return usage;
}

/** The home page's counts: cases, issues, counties with cases, methods in use (of the taxonomy's), figures. */
export interface SiteFigures {
	cases: number;
	issues: number;
	counties: number;
	methodsInUse: number;
	figures: number;
}

/** The home page's counts of the published cases and issues; `methods` are the taxonomy's slugs. */
export function siteFigures(cases: readonly CaseRef[], issueCount: number, methods: Iterable<string>): SiteFigures {
	const usage = methodUsage(cases);
	return {
		cases: cases.length,
		issues: issueCount,
		counties: flattenRegionTree(buildRegionTree(cases)).filter((n) => n.division.level === 'county').length,
		// Methods in the taxonomy that no published case uses yet are not offered to readers.
		methodsInUse: [...methods].filter((slug) => (usage.get(slug) ?? 0) > 0).length,
		figures: cases.reduce((n, c) => n + c.data.metrics.length, 0),
	};
}

/** The rows of the open-data files (cases.csv and cases.json: one per case; metrics.csv: one per figure), for the data page. */
export function dataFileRows(records: readonly { metrics?: readonly unknown[] | undefined }[]): { cases: number; metrics: number } {
	return { cases: records.length, metrics: records.reduce((n, r) => n + (r.metrics?.length ?? 0), 0) };
}
