/**
 * The one module pages use to read the compendium from Astro's content layer:
 * published cases only in production, issues in reading order, methods by slug.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { sortCases, sortIssues } from '../compendium/issue-order.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type IssueEntry = CollectionEntry<'issues'>;
export type MethodEntry = CollectionEntry<'methods'>;

/** Drafts show in `astro dev` so editors can preview them, never in a build. */
const showDrafts = import.meta.env.DEV;

export async function getCases(): Promise<CaseEntry[]> {
	const cases = await getCollection('cases', (entry) => showDrafts || entry.data.status === 'published');
	return sortCases(cases);
}

export async function getIssues(): Promise<IssueEntry[]> {
	const cases = new Set((await getCases()).map((c) => c.id));
	const issues = await getCollection('issues');
	// An issue whose cases are all drafts is not published yet.
	return sortIssues(issues.filter((issue) => issue.data.cases.some((id) => cases.has(id))));
}

export async function getMethods(): Promise<Map<string, MethodEntry>> {
	const methods = await getCollection('methods');
	return new Map(methods.map((m) => [m.id, m]));
}

export async function getCaseMap(): Promise<Map<string, CaseEntry>> {
	return new Map((await getCases()).map((c) => [c.id, c]));
}
