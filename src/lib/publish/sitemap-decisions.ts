/**
 * Whether a page goes into the sitemap is read from its built HTML (./sitemap.ts): every
 * page's head, opened and searched on every build, was most of the sitemap's time in a
 * rebuild (2,000 cases: 2.7 s of the 3.2 s the sitemap took, growing with the pages). A page
 * an incremental build copied from its cache has the bytes of the build that rendered it, so
 * its decision is kept from that build: each decision is stored in the cache directory with
 * the page's identity in Astro's incremental manifest (the config and lock file hashes, the
 * route's code hash, the page's cache key and content hashes, its address), and reused only
 * while that identity is unchanged. A page without a cache key, or whose identity changed, is
 * read again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readIncrementalManifest } from '../build/incremental.ts';
import { digest } from '../compendium/cache-key.ts';

/** The file in the cache directory: output file → [identity, listed]. */
const DECISIONS = 'sitemap-decisions.json';

type Stored = Record<string, [identity: string, listed: boolean]>;

/** The decisions of one build: `decide` a page by its output file and address, then `save` them for the next. */
export interface SitemapDecisions {
	/** Whether the page is listed: the stored answer when its identity is unchanged, else `read()`'s. */
	decide(outputFile: string, url: string, read: () => boolean): boolean;
	/** Keeps this build's decisions (those of pages with a cache key) for the next build. */
	save(): void;
}

/** Each keyed page's identity in the manifest Astro has just written: output file → digest. */
function identities(cacheDir: string): Map<string, string> {
	const manifest = readIncrementalManifest(cacheDir);
	const byFile = new Map<string, string>();
	if (!manifest) return byFile;
	for (const [route, entry] of Object.entries(manifest.routes)) {
		for (const [pathname, page] of Object.entries(entry.paths)) {
			if (page.outputFile === undefined) continue;
			byFile.set(
				decodeURI(page.outputFile),
				digest(manifest.configHash, manifest.lockfileHash, route, entry.dependencyHash, pathname, page.cacheKey, page.contentHashes ?? {}),
			);
		}
	}
	return byFile;
}

function readStored(file: string): Stored {
	if (!existsSync(file)) return {};
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Stored;
	} catch {
		// A damaged file costs one build of reading every page again, never a wrong answer.
		return {};
	}
}

/**
 * The sitemap decisions of a build whose Astro cache is `cacheDir` (read once Astro has
 * written its manifest, at the sitemap's first page).
 */
export function sitemapDecisions(cacheDir: string): SitemapDecisions {
	const file = path.join(cacheDir, DECISIONS);
	let known: { identities: Map<string, string>; previous: Stored } | undefined;
	const next: Stored = {};
	return {
		decide(outputFile, url, read) {
			known ??= { identities: identities(cacheDir), previous: readStored(file) };
			const identity = known.identities.get(outputFile);
			if (identity === undefined) return read();
			const key = digest(identity, url);
			const before = known.previous[outputFile];
			const listed = before?.[0] === key ? before[1] : read();
			next[outputFile] = [key, listed];
			return listed;
		},
		save() {
			if (known) writeFileSync(file, JSON.stringify(next));
		},
	};
}
