/**
 * getStaticPaths of the per-case open-data files (/[script]/data/cases/[id].json): one
 * path per published case per script, each with the cache key that lets an incremental
 * build copy the file while nothing it carries changed. A record carries the case's
 * frontmatter (not its body) and the labels of the issues that list it; everything else
 * in it (site URL and base, method names, region names, the conversion) is covered by the
 * build fingerprint (src/lib/compendium/cache-key.ts).
 */
import { buildFingerprint, digest, frontmatterDigest, issueHeadingDigest } from '../compendium/cache-key.ts';
import { getCases, getPlacements } from '../content/collections.ts';
import { scriptPathsFor } from '../i18n/static-paths.ts';

/** The paths of /[script]/data/cases/[id].json, props `{ script, item }`, each with its cache key. */
export async function caseRecordPaths() {
	const [cases, placements] = await Promise.all([getCases(), getPlacements()]);
	const fingerprint = buildFingerprint();
	return scriptPathsFor(cases, 'id', (entry) => entry.id).map((path) => ({
		...path,
		cacheKey: digest(
			'case record',
			fingerprint,
			path.props.script,
			// Digested once per case, not once per script.
			frontmatterDigest(path.props.item),
			// The issues' labels only: a case added to one of them leaves this record alone.
			(placements.get(path.props.item.id) ?? []).map((placement) => issueHeadingDigest(placement.issue)),
		),
	}));
}
