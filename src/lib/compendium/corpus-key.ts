/**
 * The digest of every published case and issue, for the cache keys of the files made from
 * all of them (feeds, open data): kept apart from ./listing-key.ts, which needs no content
 * collections and so is unit-tested without Astro.
 */
import { digest, frontmatterDigest } from './cache-key.ts';
import { collectionDigest } from './listing-key.ts';
import { getCases, getIssues } from '../content/collections.ts';

let corpus: Promise<string> | undefined;

/**
 * The digest of every published case (id and frontmatter) and issue (id, frontmatter and
 * editor's note), computed once per build. The feeds and open-data files carry no case's text
 * (src/lib/data-export/record.ts, src/lib/publish/feed.ts): a text edit leaves them alone,
 * which at 10,000 cases spares remaking some 100 MB of them.
 */
export function corpusDigest(): Promise<string> {
	corpus ??= Promise.all([getCases(), getIssues()]).then(([cases, issues]) =>
		digest(collectionDigest(cases, frontmatterDigest), collectionDigest(issues)),
	);
	return corpus;
}
