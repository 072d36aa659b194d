/** The archive's year index: counts per year and the page each year starts on. */
import { describe, expect, it } from 'vitest';
import { archiveYears } from '../../../src/lib/compendium/archive-years.ts';
import { sortIssues } from '../../../src/lib/compendium/issue-order.ts';
import type { IssueRef } from '../../../src/lib/compendium/types.ts';

const issue = (number: number, date: string) =>
	({ id: `i-${number}`, data: { series: '典型经验做法摘编', number, date: new Date(date), cases: [] } }) as unknown as IssueRef;

describe('archiveYears', () => {
	// Weekly issues from late 2023 to early 2025, newest first as the archive lists them.
	const issues = sortIssues(
		Array.from({ length: 70 }, (_, i) => issue(i + 1, new Date(Date.UTC(2023, 10, 1) + i * 7 * 86400000).toISOString().slice(0, 10))),
	);

	it('counts the issues of each year, newest year first, and adds up to every issue', () => {
		const years = archiveYears(issues, 10);
		expect(years.map((y) => y.year)).toEqual([2025, 2024, 2023]);
		expect(years.reduce((n, y) => n + y.count, 0)).toBe(70);
		expect(years.find((y) => y.year === 2024)!.count).toBe(issues.filter((i) => i.data.date.getUTCFullYear() === 2024).length);
	});

	it('points each year at the page holding its newest issue', () => {
		for (const pageSize of [1, 7, 10, 100]) {
			for (const year of archiveYears(issues, pageSize)) {
				const first = issues.findIndex((i) => i.data.date.getUTCFullYear() === year.year);
				expect(year.page).toBe(Math.floor(first / pageSize) + 1);
			}
		}
	});

	it('is empty for an archive with no issues', () => expect(archiveYears([], 100)).toEqual([]));
});
