/**
 * Comparing two builds' output, for the incremental-build tests: every file's bytes, the files
 * that differ, and the cache key Astro's incremental manifest recorded for each keyed file
 * (a page whose key and code are unchanged is copied from the previous build, not rendered).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Every file of a built site (path → bytes). */
export function snapshot(dir: string): Map<string, Buffer> {
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
	const map = new Map<string, Buffer>();
	for (const file of files) {
		const full = path.join(dir, file);
		if (statSync(full).isFile()) map.set(file, readFileSync(full));
	}
	return map;
}

/** Files that differ between two builds (added, removed or changed). */
export function changedFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
	const names = new Set([...a.keys(), ...b.keys()]);
	return [...names].filter((name) => !a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)) || !b.has(name)).sort();
}

/** The cache key Astro's manifest in `cacheDir` records for each keyed output file (zh-hans/regions/140000/index.html → key). */
export function cacheKeys(cacheDir: string): Map<string, string> {
	const manifest = JSON.parse(readFileSync(path.join(cacheDir, 'incremental-build.json'), 'utf8')) as {
		routes: Record<string, { paths: Record<string, { cacheKey: string | number; outputFile: string }> }>;
	};
	const keys = new Map<string, string>();
	for (const route of Object.values(manifest.routes))
		for (const entry of Object.values(route.paths)) keys.set(entry.outputFile, String(entry.cacheKey));
	return keys;
}

/**
 * Pages that must be byte for byte as before and copied, not rendered: keyed in both builds
 * with the same key (Astro copies a page whose key and code are unchanged).
 */
export function expectReused(pages: readonly string[], differs: readonly string[], before: Map<string, string>, after: Map<string, string>): void {
	for (const page of pages) {
		expect(differs, page).not.toContain(page);
		expect(after.get(page), `${page} has a cache key`).toBeDefined();
		expect(after.get(page), `${page} keeps its cache key`).toBe(before.get(page));
	}
}
