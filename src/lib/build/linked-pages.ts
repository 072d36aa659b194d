/**
 * The pages an incremental build reuses, put into the staging folder before Astro starts:
 * hard links to Astro's cached copies, made in one pass, instead of copies Astro makes page
 * by page.
 *
 * Astro 7's incremental build (experimental.incrementalBuild) keeps each keyed page it
 * rendered under `<cacheDir>/dist/` and, for a page whose key, code and content are
 * unchanged, copies that file into the output folder unless a file is already there
 * (astro/dist/core/build/generate.js, `existsInDist`). Our builds go into a fresh staging
 * folder (atomic-build.ts), so every rebuild had Astro make a folder, check and copy each of
 * the 52,000 pages of a 10,000-case compendium. Linked first, they are found in place.
 *
 * A link shares its file with the cache and, once published, with the live site, so a linked
 * file must never be written in place:
 * - Astro's writes of the pages it renders, and of their cache copies, replace the file
 *   (page-writer.ts), so the other links keep the old bytes.
 * - Our own steps that change a built page write beside it and rename (print/step.ts).
 * A page linked here that this build did not produce (its case was removed, its listing
 * page no longer exists) is removed once Astro is done ({@link removeUnbuiltPages}).
 */
import { linkSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../content/paths.ts';
import { readIncrementalManifest } from './incremental.ts';
import { serveWorkerTask, startWorkerTask } from '../worker-task.ts';

/** Where Astro keeps its copy of each keyed page, under its cache directory (astro/dist/core/build/incremental.js). */
export const cachedPagesDir = (cacheDir: string) => path.join(cacheDir, 'dist');

/** A manifest's output file (URL-encoded, relative: `zh-hans/cases/x/index.html`) as a path under `dir`. */
const fileUnder = (dir: string, outputFile: string) => path.join(dir, ...outputFile.split('/').map(decodeURIComponent));

/** What {@link linkCachedPages} put in the staging folder: the pages' paths in it. */
export interface LinkedPages {
	files: Set<string>;
}

/**
 * Links every page of the last build's incremental manifest from Astro's cache into
 * `staging`. Returns nothing when there is nothing to link (no manifest, first build), or
 * when links cannot be made (another file system): Astro then copies the pages itself.
 */
export function linkCachedPages(cacheDir: string, staging: string): LinkedPages | undefined {
	const manifest = readIncrementalManifest(cacheDir);
	if (!manifest) return undefined;
	const source = cachedPagesDir(cacheDir);
	const files = new Set<string>();
	const madeDirs = new Set<string>();
	for (const route of Object.values(manifest.routes)) {
		for (const page of Object.values(route.paths)) {
			if (!page.outputFile) continue;
			const target = fileUnder(staging, page.outputFile);
			const dir = path.dirname(target);
			if (!madeDirs.has(dir)) {
				mkdirSync(dir, { recursive: true });
				madeDirs.add(dir);
			}
			try {
				linkSync(fileUnder(source, page.outputFile), target);
				files.add(target);
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				// A page the cache no longer holds is rendered or restored by Astro as before.
				if (code === 'ENOENT' || code === 'EEXIST') continue;
				// Links across file systems or where links are refused: leave the copying to Astro.
				for (const file of files) rmSync(file, { force: true });
				return undefined;
			}
		}
	}
	return { files };
}

const ROLE = 'compendium-linked-pages';
const WORKER_FILE = path.join(PROJECT_ROOT, 'src', 'lib', 'build', 'linked-pages.ts');

/**
 * {@link linkCachedPages} in a worker thread, so the main thread goes on starting Astro
 * (config, validation, content sync, bundling: seconds) while the pages are linked (a folder
 * and a link per page: 2,000 cases, about a second of the main thread). Astro must not look
 * for pages before this has settled: see ./pages-ready.ts.
 */
export async function linkCachedPagesInBackground(cacheDir: string, staging: string): Promise<LinkedPages | undefined> {
	const files = await startWorkerTask<string[] | null>(WORKER_FILE, ROLE, { cacheDir, staging }).answer;
	return files ? { files: new Set(files) } : undefined;
}

serveWorkerTask(ROLE, ({ cacheDir, staging }: { cacheDir: string; staging: string }) => {
	const linked = linkCachedPages(cacheDir, staging);
	return linked ? [...linked.files] : null;
});

/**
 * Removes the linked pages this build neither kept (Astro's new manifest lists every keyed
 * page it produced, copied or rendered) nor wrote, and the folders that leaves empty, so the
 * output holds what a clean build's would. Returns how many were removed.
 */
export function removeUnbuiltPages(linked: LinkedPages, written: ReadonlySet<string>, cacheDir: string, staging: string): number {
	const built = new Set<string>();
	for (const route of Object.values(readIncrementalManifest(cacheDir)?.routes ?? {})) {
		for (const page of Object.values(route.paths)) if (page.outputFile) built.add(fileUnder(staging, page.outputFile));
	}
	let removed = 0;
	for (const file of linked.files) {
		if (built.has(file) || written.has(file)) continue;
		rmSync(file, { force: true });
		removed++;
		for (let dir = path.dirname(file); dir.startsWith(staging + path.sep) && readdirSync(dir).length === 0; dir = path.dirname(dir)) rmdirSync(dir);
	}
	return removed;
}
