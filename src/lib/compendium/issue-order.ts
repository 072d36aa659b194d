/**
 * Issues in reading order and a case's place in them: which issues include it and its
 * previous/next case within each.
 */
import { addTo } from './group.ts';
import type { CaseRef, IssueRef } from './types.ts';

/** Newest first: by date, then series, then number (higher first). */
export function sortIssues<T extends IssueRef>(issues: readonly T[]): T[] {
	return [...issues].sort(
		(a, b) => b.data.date.getTime() - a.data.date.getTime() || a.data.series.localeCompare(b.data.series) || b.data.number - a.data.number,
	);
}

/** Newest first, by date then id, so listings are stable. */
export function sortCases<T extends CaseRef>(cases: readonly T[]): T[] {
	return [...cases].sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/** One issue that lists a case: the case's 0-based position there and the ids of the cases before and after it. */
export interface IssuePlacement<I extends IssueRef> {
	issue: I;
	position: number;
	previous?: string;
	next?: string;
}

/**
 * For every case id, the issues that list it (newest first) with the neighbouring case
 * ids in each: one pass over all issues instead of a search per case page.
 */
export function placementIndex<I extends IssueRef>(issues: readonly I[]): Map<string, IssuePlacement<I>[]> {
	const index = new Map<string, IssuePlacement<I>[]>();
	for (const issue of sortIssues(issues)) {
		issue.data.cases.forEach((caseId, position) => {
			const previous = issue.data.cases[position - 1];
			const next = issue.data.cases[position + 1];
			const placement: IssuePlacement<I> = {
				issue,
				position,
				...(previous !== undefined ? { previous } : {}),
				...(next !== undefined ? { next } : {}),
			};
			addTo(index, caseId, placement);
		});
	}
	return index;
}
