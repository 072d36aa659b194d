/**
 * What an incremental build reused: Astro (experimental.incrementalBuild) keeps a manifest
 * of every keyed page in its cache directory. Comparing the manifest before and after a
 * build tells how many pages were copied from the previous build and how many rendered,
 * so the build can say so (Astro itself only logs it page by page, at info level).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The file Astro 7.2+ writes into `cacheDir` (astro/dist/core/build/incremental.js). */
const MANIFEST = 'incremental-build.json';

interface PathEntry {
	cacheKey: string | number;
	contentHashes?: Record<string, string>;
}
interface Manifest {
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

/** Keyed pages of `next` that Astro copied from `previous` (same code, key and content hashes) and those it rendered. */
export function incrementalOutcome(previous: Manifest | undefined, next: Manifest | undefined): { reused: number; rendered: number } {
	let reused = 0;
	let rendered = 0;
	const comparable = previous && next && previous.configHash === next.configHash && previous.lockfileHash === next.lockfileHash;
	for (const [route, entry] of Object.entries(next?.routes ?? {})) {
		const before = comparable ? previous.routes[route] : undefined;
		for (const [pathname, page] of Object.entries(entry.paths)) {
			const old = before?.dependencyHash === entry.dependencyHash ? before.paths[pathname] : undefined;
			const same = old && old.cacheKey === page.cacheKey && JSON.stringify(old.contentHashes ?? {}) === JSON.stringify(page.contentHashes ?? {});
			if (same) reused++;
			else rendered++;
		}
	}
	return { reused, rendered };
}
