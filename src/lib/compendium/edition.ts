/**
 * What a build publishes: the one decision every page, feed, sitemap, PDF and the search
 * index read through. The public edition leaves out drafts and internal material: issues
 * marked `internal: true` (内部资料) and cases that only such issues carry. The internal
 * edition (`npm run build -- --internal`, COMPENDIUM_EDITION=internal or `edition:
 * internal` in content/site.yaml) includes internal issues; drafts never get published.
 */
import type { Edition } from '../../schemas/site.ts';
import { printMessages } from '../i18n/messages/index.ts';

/** The environment variable that chooses the edition for one build; it overrides site.yaml. */
export const EDITION_ENV = 'COMPENDIUM_EDITION';

/** The edition this process builds: the environment variable if set, else the site setting. */
export function currentEdition(siteEdition: Edition = 'public', env: NodeJS.ProcessEnv = process.env): Edition {
	const wanted = env[EDITION_ENV];
	if (wanted === undefined || wanted === '') return siteEdition;
	if (wanted === 'public' || wanted === 'internal') return wanted;
	throw new Error(`${EDITION_ENV}=${wanted}: expected "public" or "internal"`);
}

/** The shape of an issue as both Astro's content layer and the validator load it. */
export interface EditionIssue {
	id: string;
	data: { internal: boolean; cases: readonly string[]; status?: 'draft' | 'published' };
}

/** The shape of a case as both loaders give it. */
export interface EditionCase {
	id: string;
	data: { status: 'draft' | 'published' };
}

/** What {@link publication} filters for: the edition being built, and whether drafts show. */
export interface PublicationOptions {
	edition: Edition;
	/** Show drafts (astro dev only, so editors can preview them). */
	drafts?: boolean;
}

/**
 * The issues and cases an edition publishes, in their given order. A case listed only by
 * internal issues is internal material; a case that a public issue also lists is public.
 * An issue whose cases are all unpublished is not published yet.
 */
export function publication<I extends EditionIssue, C extends EditionCase>(
	issues: readonly I[],
	cases: readonly C[],
	options: PublicationOptions,
): { issues: I[]; cases: C[] } {
	const internalEdition = options.edition === 'internal';
	// A draft issue (status: draft) is being put together: shown in dev like draft cases, never published.
	const listedIssues = issues.filter((issue) => (internalEdition || !issue.data.internal) && (options.drafts || issue.data.status !== 'draft'));
	const internalOnly = new Set<string>();
	if (!internalEdition) {
		const publicCases = new Set(listedIssues.flatMap((issue) => issue.data.cases));
		for (const issue of issues) {
			if (issue.data.internal) for (const id of issue.data.cases) if (!publicCases.has(id)) internalOnly.add(id);
		}
	}
	const publishedCases = cases.filter((entry) => (options.drafts || entry.data.status === 'published') && !internalOnly.has(entry.id));
	const published = new Set(publishedCases.map((entry) => entry.id));
	return {
		issues: listedIssues.filter((issue) => issue.data.cases.some((id) => published.has(id))),
		cases: publishedCases,
	};
}

/** A case an internal issue carries that a public issue also lists (and so publishes). */
export interface SharedInternalCase {
	caseId: string;
	internalIssue: string;
	publicIssues: string[];
}

/**
 * Cases of internal issues that public issues reference: the public edition publishes
 * them, which may be what the editor meant or a leak. `npm run check` warns about each.
 */
export function internalCasesInPublicIssues(issues: readonly EditionIssue[]): SharedInternalCase[] {
	const publicIssuesOf = new Map<string, string[]>();
	for (const issue of issues) {
		if (issue.data.internal) continue;
		for (const id of issue.data.cases) publicIssuesOf.set(id, [...(publicIssuesOf.get(id) ?? []), issue.id]);
	}
	return issues.flatMap((issue) =>
		issue.data.internal
			? issue.data.cases.flatMap((caseId) => {
					const publicIssues = publicIssuesOf.get(caseId);
					return publicIssues ? [{ caseId, internalIssue: issue.id, publicIssues }] : [];
				})
			: [],
	);
}

/** The warnings `npm run check` prints for {@link internalCasesInPublicIssues}, located at the internal issue's file. */
export function internalCaseProblems(issues: ReadonlyMap<string, EditionIssue & { file: string }>) {
	return internalCasesInPublicIssues([...issues.values()]).map((shared) => ({
		severity: 'warning' as const,
		file: issues.get(shared.internalIssue)!.file,
		field: 'cases',
		message: printMessages.internalCaseInPublicIssue(shared.caseId, shared.internalIssue, shared.publicIssues.join('、')),
	}));
}
