/**
 * The digest of every published case and issue, for the cache keys of the files made from
 * all of them (feeds, open data): kept apart from ./listing-key.ts, which needs no content
 * collections and so is unit-tested without Astro.
 */
import { digest } from './cache-key.ts';
import { collectionDigest } from './listing-key.ts';
import { getCases, getIssues } from '../content/collections.ts';

let corpus: Promise<string> | undefined;

/** The digest of every published case and issue (id, frontmatter, text), computed once per build. */
export function corpusDigest(): Promise<string> {
	corpus ??= Promise.all([getCases(), getIssues()]).then(([cases, issues]) => digest(collectionDigest(cases), collectionDigest(issues)));
	return corpus;
}
