/**
 * Whether a page goes into the sitemap is read from its built HTML (./sitemap.ts): every
 * page's head, opened and searched on every build, was most of the sitemap's time in a
 * rebuild (2,000 cases: 2.7 s of the 3.2 s the sitemap took, growing with the pages). A page
 * an incremental build copied from its cache has the bytes of the build that rendered it, so
 * its decision is kept from that build, stored in the cache directory with what identifies the
 * page in Astro's incremental manifest: the config and lock file hashes (for all pages), the
 * route's code hash, the page's route, cache key and content hashes. A decision is reused only
 * while all of these are unchanged; a page without a cache key, or whose identity changed, is
 * read again. (The page's address follows from its output file and the config.)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readIncrementalManifest } from '../build/incremental.ts';

/** The file in the cache directory. */
const DECISIONS = 'sitemap-decisions.json';

/** A page's identity within one config: its route and key, then its content entries' hashes. */
type PageIdentity = [route: string, cacheKey: string, contentHashes: string];

/** What is stored: the config's identity, each route's code hash, each keyed page's identity and decision. */
interface Stored {
	config: string;
	routes: Record<string, string>;
	pages: Record<string, [...PageIdentity, listed: boolean]>;
}

/** The decisions of one build: `decide` a page by its output file, then `save` them for the next. */
export interface SitemapDecisions {
	/** Whether the page is listed: the stored answer when its identity is unchanged, else `read()`'s. */
	decide(outputFile: string, read: () => boolean): boolean;
	/** Keeps this build's decisions (those of pages with a cache key) for the next build. */
	save(): void;
}

/** What the manifest Astro has just written says of this build: config, routes' code, each keyed page by output file. */
function current(cacheDir: string): Omit<Stored, 'pages'> & { pages: Map<string, PageIdentity> } {
	const manifest = readIncrementalManifest(cacheDir);
	const pages = new Map<string, PageIdentity>();
	const routes: Record<string, string> = {};
	for (const [route, entry] of Object.entries(manifest?.routes ?? {})) {
		routes[route] = entry.dependencyHash;
		for (const page of Object.values(entry.paths)) {
			if (page.outputFile === undefined) continue;
			const hashes = Object.entries(page.contentHashes ?? {})
				.flat()
				.join('\n');
			pages.set(decodeURI(page.outputFile), [route, String(page.cacheKey), hashes]);
		}
	}
	return { config: manifest ? `${manifest.configHash} ${manifest.lockfileHash}` : '', routes, pages };
}

function readStored(file: string): Stored | undefined {
	if (!existsSync(file)) return undefined;
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Stored;
	} catch {
		// A damaged file costs one build of reading every page again, never a wrong answer.
		return undefined;
	}
}

/**
 * The sitemap decisions of a build whose Astro cache is `cacheDir` (read once Astro has
 * written its manifest, at the sitemap's first page).
 */
export function sitemapDecisions(cacheDir: string): SitemapDecisions {
	const file = path.join(cacheDir, DECISIONS);
	let known: { now: ReturnType<typeof current>; before: Stored | undefined } | undefined;
	const next: Stored['pages'] = {};
	return {
		decide(outputFile, read) {
			known ??= { now: current(cacheDir), before: readStored(file) };
			const { now, before } = known;
			const identity = now.pages.get(outputFile);
			if (identity === undefined) return read();
			const [route, cacheKey, hashes] = identity;
			const stored = before?.config === now.config && before.routes?.[route] === now.routes[route] ? before.pages?.[outputFile] : undefined;
			const same = stored !== undefined && stored[0] === route && stored[1] === cacheKey && stored[2] === hashes;
			const listed = same ? stored[3] : read();
			next[outputFile] = [route, cacheKey, hashes, listed];
			return listed;
		},
		save() {
			if (known) writeFileSync(file, JSON.stringify({ config: known.now.config, routes: known.now.routes, pages: next } satisfies Stored));
		},
	};
}
