/**
 * The one module pages use to read the compendium from Astro's content layer:
 * published cases only in production, issues in reading order, methods by slug. What is
 * published (drafts, internal issues) is decided once, in ../compendium/edition.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { placementIndex, sortCases, sortIssues, type IssuePlacement } from '../compendium/issue-order.ts';
import { relatedIndex, type RelatedIndex } from '../compendium/related.ts';
import { currentEdition, publication } from '../compendium/edition.ts';
import { groupByEach } from '../compendium/group.ts';
import { buildRegionTree, flattenRegionTree, type RegionNode } from '../compendium/region-tree.ts';
import { loadSiteConfig } from './site-config.ts';

/** A case as Astro's content layer loads it. */
export type CaseEntry = CollectionEntry<'cases'>;
/** An issue as Astro's content layer loads it. */
export type IssueEntry = CollectionEntry<'issues'>;
/** A method as Astro's content layer loads it. */
export type MethodEntry = CollectionEntry<'methods'>;

/** Drafts show in `astro dev` so editors can preview them, never in a build. */
const showDrafts = import.meta.env.DEV;

/**
 * Every page asks for the same lists; in a build they cannot change, so each is read and
 * sorted once per process instead of once per page (thousands of pages).
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
	let cached: Promise<T> | undefined;
	return () => {
		if (import.meta.env.DEV) return load();
		cached ??= load();
		return cached;
	};
}

/** The cases and issues this build publishes: drafts and, in the public edition, internal material left out. */
const getPublication = once(async () =>
	publication(await getCollection('issues'), await getCollection('cases'), {
		edition: currentEdition(loadSiteConfig().edition),
		drafts: showDrafts,
	}),
);

/** The published cases, newest first. */
export const getCases = once(async (): Promise<CaseEntry[]> => sortCases((await getPublication()).cases));

/** The published issues, newest first. */
export const getIssues = once(async (): Promise<IssueEntry[]> => sortIssues((await getPublication()).issues));

/** Every method by slug (all of them, whether or not a published case uses it). */
export const getMethods = once(async (): Promise<Map<string, MethodEntry>> => {
	const methods = await getCollection('methods');
	return new Map(methods.map((m) => [m.id, m]));
});

/** The published cases by id. */
export const getCaseMap = once(async (): Promise<Map<string, CaseEntry>> => {
	return new Map((await getCases()).map((c) => [c.id, c]));
});

/** Issues listing each case, with its neighbours there. */
export const getPlacements = once(async (): Promise<Map<string, IssuePlacement<IssueEntry>[]>> => placementIndex(await getIssues()));

/** Related cases by shared method and region. */
export const getRelated = once(async (): Promise<RelatedIndex<CaseEntry>> => relatedIndex(await getCases()));

/** Published cases under each method they use, newest first: method pages and counts look up, not filter. */
export const getCasesByMethod = once(async (): Promise<Map<string, CaseEntry[]>> => groupByEach(await getCases(), (entry) => entry.data.methods));

/** The province → city → county tree of published cases, built once per build. */
export const getRegionTree = once(async (): Promise<RegionNode[]> => buildRegionTree(await getCases()));

/** Every node of {@link getRegionTree}, depth first. */
export const getRegionNodes = once(async (): Promise<RegionNode[]> => flattenRegionTree(await getRegionTree()));
