/**
 * Cache keys of the pages that list many cases or issues (region, method, metrics and archive
 * pages, the home and browse pages) and of the files made from the whole compendium (feeds,
 * open data). An incremental build copies such a page from the previous build while its key
 * is unchanged, so each key digests exactly the data the page renders: of a listed case the
 * fields its card shows (not its text), the page's number and the totals its page links show,
 * the summaries it draws (counts per year, the region tree), the script, and the build
 * fingerprint (./cache-key.ts) for the code, site settings, glossary and methods. Every digest
 * is computed once per build in the route's getStaticPaths; a page looks up its own.
 */
import { buildFingerprint, digest, entryDigest, type KeyedEntry } from './cache-key.ts';
import { scriptPaths } from '../i18n/static-paths.ts';
import type { RegionNode } from './region-tree.ts';
import type { Script } from '../../schemas/script.ts';

/** The fields of a case its card shows (src/components/CaseCard.astro). */
export interface CardCase {
	id: string;
	data: {
		/** The script the case is written in: the card converts from it. */
		script: string;
		title: string;
		subtitle?: string | undefined;
		unit: string;
		summary: string;
		date: Date;
		region: { code: string };
	};
}

const cardDigests = new WeakMap<CardCase, string>();

/**
 * The digest of what a case card shows: id, title, subtitle, unit, place, date, summary
 * (and the script they are converted from). An edit of the case's text leaves it alone.
 */
export function cardDigest(entry: CardCase): string {
	let value = cardDigests.get(entry);
	if (value === undefined) {
		const { script, title, subtitle, unit, summary, date, region } = entry.data;
		value = digest('card', entry.id, script, title, subtitle ?? null, unit, summary, date, region.code);
		cardDigests.set(entry, value);
	}
	return value;
}

/** The numbers of a listing page its pager shows (Astro's `Page`). */
export interface PageNumbers {
	currentPage: number;
	lastPage: number;
	total: number;
	start: number;
	end: number;
}

/**
 * The key of one page of a listing: `listing` names the listing (route and item, e.g.
 * "region 110000"), `listed` holds the digest of each entry the page shows, in order, and
 * `shared` the digest of what the page shows besides its entries (counts, charts, a tree).
 */
export function listingCacheKey(
	fingerprint: string,
	script: Script,
	listing: string,
	page: PageNumbers,
	listed: readonly string[],
	shared: string,
): string {
	return digest('listing', fingerprint, script, listing, [page.currentPage, page.lastPage, page.total, page.start, page.end], listed, shared);
}

/**
 * The key of a page or file made once per script (the home page, a browse page, a feed, an
 * open-data file): `shown` is the data it renders beyond the build fingerprint, or a digest of it.
 */
export function scriptPageCacheKey(fingerprint: string, script: Script, page: string, shown: unknown): string {
	return digest('page', fingerprint, script, page, shown);
}

const treeDigests = new WeakMap<RegionNode, string>();

/** The digest of a division's subtree as the region pages show it: each division's code and case count. */
export function regionTreeDigest(node: RegionNode): string {
	let value = treeDigests.get(node);
	if (value === undefined) {
		value = digest(node.division.code, node.count, node.children.map(regionTreeDigest));
		treeDigests.set(node, value);
	}
	return value;
}

/**
 * The digest of every entry of a collection, in order: for a file made from all of them.
 * `of` digests one entry: the whole of it, or (`frontmatterDigest`) what such a file shows.
 */
export function collectionDigest(entries: readonly KeyedEntry[], of: (entry: KeyedEntry) => string = entryDigest): string {
	return digest(entries.map(of));
}

/** Paths of `getStaticPaths()` with a cache key each. */
export function withCacheKeys<P extends object>(paths: readonly P[], key: (path: P) => string): (P & { cacheKey: string })[] {
	return paths.map((path) => ({ ...path, cacheKey: key(path) }));
}

/**
 * getStaticPaths of a page or file made once per script, each path with its key: `page`
 * names it, `shown` gives the data it renders beyond the build fingerprint (none for a page
 * made from the code and settings alone).
 */
export async function keyedScriptPaths(page: string, shown: (script: Script) => unknown = () => null) {
	const fingerprint = buildFingerprint();
	const paths = scriptPaths();
	const keys = await Promise.all(paths.map(async ({ props: { script } }) => scriptPageCacheKey(fingerprint, script, page, await shown(script))));
	return paths.map((path, i) => ({ ...path, cacheKey: keys[i]! }));
}
