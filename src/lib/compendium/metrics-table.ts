/**
 * Every figure across the compendium as rows for the metrics view: one row per metric
 * with the case it comes from, sortable by normalised value, filterable by unit.
 */
import type { Metric } from '../../schemas/metric.ts';
import type { CaseRef } from './types.ts';

/** One figure and the id of the case it comes from. */
export interface MetricRow {
	caseId: string;
	metric: Metric;
}

/** Each distinct string's place in collation order, so a sort of many rows compares numbers (`localeCompare` per comparison was a second of a 10,000-case build). */
function collationRanks(values: Iterable<string>): Map<string, number> {
	const collator = new Intl.Collator();
	return new Map([...new Set(values)].sort(collator.compare).map((value, rank) => [value, rank]));
}

/** Every figure of the given cases, grouped by unit (in collation order), largest value first within a unit, then by case id. */
export function metricRows(cases: readonly CaseRef[]): MetricRow[] {
	const rows = cases.flatMap((entry) => entry.data.metrics.map((metric) => ({ caseId: entry.id, metric })));
	const unitRank = collationRanks(rows.map((row) => row.metric.unit));
	const caseRank = collationRanks(cases.map((entry) => entry.id));
	return rows.sort(
		(a, b) =>
			unitRank.get(a.metric.unit)! - unitRank.get(b.metric.unit)! ||
			b.metric.value - a.metric.value ||
			caseRank.get(a.caseId)! - caseRank.get(b.caseId)!,
	);
}

/** Units with how many figures use them, most used first. */
export function unitCounts(rows: readonly MetricRow[]): Array<{ unit: string; count: number }> {
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(row.metric.unit, (counts.get(row.metric.unit) ?? 0) + 1);
	return [...counts].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit));
}
