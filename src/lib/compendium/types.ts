/** The minimal shapes the compendium helpers work on, so they test without Astro. */
import type { Case } from '../../schemas/case.ts';
import type { Issue } from '../../schemas/issue.ts';

/** A case entry: its id and validated frontmatter. */
export interface CaseRef {
	id: string;
	data: Case;
}

/** An issue entry: its id and validated frontmatter. */
export interface IssueRef {
	id: string;
	data: Issue;
}
