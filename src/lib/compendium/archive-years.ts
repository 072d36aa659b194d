/**
 * The issue archive by year: a thousand issues run to ten archive pages, so every page
 * carries an index of the years with their issue counts, each linking to the page (and
 * the heading on it) where that year's issues begin. Issues come newest first
 * (issue-order.ts), so a year's issues are contiguous and span one or a few pages.
 */
import type { IssueRef } from './types.ts';

/** One year of the archive: how many issues it has and the page its first issue is on. */
export interface ArchiveYear {
	year: number;
	count: number;
	/** 1-based archive page with the year's newest issue. */
	page: number;
}

/** The year of an issue's date (UTC: dates are written as calendar days). */
export const issueYear = (issue: IssueRef) => issue.data.date.getUTCFullYear();

/** The years of `issues` (in archive order) with their counts and first pages, for pages of `pageSize`. */
export function archiveYears(issues: readonly IssueRef[], pageSize: number): ArchiveYear[] {
	const years: ArchiveYear[] = [];
	issues.forEach((issue, i) => {
		const year = issueYear(issue);
		const last = years.at(-1);
		if (last?.year === year) last.count++;
		else years.push({ year, count: 1, page: Math.floor(i / pageSize) + 1 });
	});
	return years;
}

/** The anchor of a year's first heading on its archive page. */
export const yearAnchor = (year: number) => `year-${year}`;
