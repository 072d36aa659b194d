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

/** Every figure of the given cases, grouped by unit, largest value first within a unit. */
export function metricRows(cases: readonly CaseRef[]): MetricRow[] {
	return cases
		.flatMap((entry) => entry.data.metrics.map((metric) => ({ caseId: entry.id, metric })))
		.sort((a, b) => a.metric.unit.localeCompare(b.metric.unit) || b.metric.value - a.metric.value || a.caseId.localeCompare(b.caseId));
}

/** Units with how many figures use them, most used first. */
export function unitCounts(rows: readonly MetricRow[]): Array<{ unit: string; count: number }> {
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(row.metric.unit, (counts.get(row.metric.unit) ?? 0) + 1);
	return [...counts].map(([unit, count]) => ({ unit, count })).sort((a, b) => b.count - a.count || a.unit.localeCompare(b.unit));
}
