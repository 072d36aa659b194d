/**
 * What an incremental build reused: Astro (experimental.incrementalBuild) keeps a manifest
 * of every keyed page in its cache directory. Comparing the manifest before and after a
 * build tells how many pages were copied from the previous build and how many rendered,
 * so the build can say so (Astro itself only logs it page by page, at info level).
 * With the post-build steps' own reuse (search records, print files) it makes the build's
 * reuse report, logged and kept in the cache directory for the tests and the benchmark.
 * Each completed build also leaves its fingerprint there, so the next one knows whether it
 * rebuilds it (and copies most pages) or renders everything anew.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildFingerprint } from '../compendium/cache-key.ts';
import { writeFileAtomically } from '../files/write-atomically.ts';

/** Set COMPENDIUM_INCREMENTAL=off to render every page and make every search record and print file anew. */
export const INCREMENTAL_SWITCH = 'COMPENDIUM_INCREMENTAL';

/** Whether this build may reuse the previous one's pages, search records and print files. */
export function incrementalEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	return env[INCREMENTAL_SWITCH] !== 'off';
}

/** Where the cache keeps the fingerprint of the last build that completed. */
const LAST_BUILD_FILE = 'compendium-last-build.txt';

/**
 * Whether this build is an incremental rebuild of the last completed build in `cacheDir`, with
 * its fingerprint: then it copies most pages. (The fingerprint is read once per process.)
 */
export function rebuildsLastBuild(cacheDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
	if (!incrementalEnabled(env)) return false;
	try {
		return readFileSync(path.join(cacheDir, LAST_BUILD_FILE), 'utf8') === buildFingerprint();
	} catch {
		return false;
	}
}

/** Notes a completed build's fingerprint in `cacheDir`, for the next build's garbage-collector settings (gc-tuning.ts). */
export function rememberBuild(cacheDir: string): void {
	writeFileAtomically(path.join(cacheDir, LAST_BUILD_FILE), buildFingerprint());
}

/** The file Astro 7.2+ writes into `cacheDir` (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';

interface PathEntry {
	cacheKey: string | number;
	/** The page's file under the output folder, URL-encoded (e.g. `zh-hans/cases/x/index.html`). */
	outputFile?: string;
	contentHashes?: Record<string, string>;
}
/** Astro's incremental manifest, as far as the build reads it. */
export interface Manifest {
	configHash: string;
	lockfileHash: string;
	routes: Record<string, { dependencyHash: string; paths: Record<string, PathEntry> }>;
}

/** The manifest in `cacheDir`, or undefined when there is none (first build, or not incremental). */
export function readIncrementalManifest(cacheDir: string): Manifest | undefined {
	const file = path.join(cacheDir, MANIFEST);
	if (!existsSync(file)) return undefined;
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
	} catch {
		return undefined;
	}
}

/** Whether two pages' content hashes are the same entries with the same hashes, in the same order (as Astro writes them). */
function sameHashes(a: Record<string, string>, b: Record<string, string>): boolean {
	const keys = Object.keys(a);
	const other = Object.keys(b);
	return keys.length === other.length && keys.every((key, i) => key === other[i] && a[key] === b[key]);
}

/** Keyed pages of `next` that Astro copied from `previous` (same code, key and content hashes) and those it rendered. */
export function incrementalOutcome(previous: Manifest | undefined, next: Manifest | undefined): { reused: number; rendered: number } {
	let reused = 0;
	let rendered = 0;
	const comparable = previous && next && previous.configHash === next.configHash && previous.lockfileHash === next.lockfileHash;
	for (const [route, entry] of Object.entries(next?.routes ?? {})) {
		const before = comparable ? previous.routes[route] : undefined;
		for (const [pathname, page] of Object.entries(entry.paths)) {
			const old = before?.dependencyHash === entry.dependencyHash ? before.paths[pathname] : undefined;
			const same = old && old.cacheKey === page.cacheKey && sameHashes(old.contentHashes ?? {}, page.contentHashes ?? {});
			if (same) reused++;
			else rendered++;
		}
	}
	return { reused, rendered };
}

/** What one kind of output took from the previous build and made anew. */
export interface ReuseCounts {
	reused: number;
	rebuilt: number;
}

/** What a build reused: pages (Astro), search records and issues' print files (the post-build steps). */
export interface ReuseReport {
	pages: ReuseCounts;
	records?: ReuseCounts;
	printFiles?: ReuseCounts;
	/** Case and issue frontmatter the content validation took from its cache and parsed anew. */
	frontmatter?: ReuseCounts;
	/** Seconds the content validation took (before Astro starts on the pages). */
	validationSeconds?: number;
	/** Seconds each post-build step took, by its name ('search index', 'PDF issues'). */
	stepSeconds?: Record<string, number>;
	/**
	 * Seconds the build spent on each step once Astro was done: all of `stepSeconds` for a step
	 * run after the pages, what was left of it for one run beside them (steps-alongside.ts).
	 */
	stepWaitSeconds?: Record<string, number>;
}

/** The report's file in the cache directory (the last build's). */
const REPORT = 'compendium-reuse.json';

/** Keeps the build's reuse report beside its caches. */
export function writeReuseReport(cacheDir: string, report: ReuseReport): void {
	writeFileSync(path.join(cacheDir, REPORT), `${JSON.stringify(report, null, '\t')}\n`);
}

/** The last build's reuse report in `cacheDir`, or undefined when that build reused nothing it could report. */
export function readReuseReport(cacheDir: string): ReuseReport | undefined {
	const file = path.join(cacheDir, REPORT);
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReuseReport) : undefined;
}
