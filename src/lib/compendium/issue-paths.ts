/**
 * getStaticPaths of an issue's two pages, the web page and the print page: one path per
 * issue per script, each with the cache key that lets an incremental build copy the page
 * while the issue, what the page shows of its cases and the build fingerprint are unchanged:
 * the print page prints the cases' text, the web page only their titles and units.
 */
import { getCaseMap, getIssues } from '../content/collections.ts';
import { scriptPathsFor } from '../i18n/static-paths.ts';
import { buildFingerprint, entryDigest, frontmatterDigest, issueCacheKey } from './cache-key.ts';

/** The paths of /[script]/issues/[id]/ (`web`) or /[script]/issues/[id]/print/ (`print`), props `{ script, item }`. */
export async function issuePaths(page: 'web' | 'print') {
	const caseMap = await getCaseMap();
	const fingerprint = buildFingerprint();
	return scriptPathsFor(await getIssues(), 'id', (issue) => issue.id).map((path) => ({
		...path,
		cacheKey: issueCacheKey(
			fingerprint,
			path.props.script,
			path.props.item,
			path.props.item.data.cases.flatMap((id) => caseMap.get(id) ?? []),
			page === 'print' ? entryDigest : frontmatterDigest,
		),
	}));
}
