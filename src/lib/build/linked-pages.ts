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
 * - Astro writes a page it renders, and that page's cache copy, with `fs.promises.writeFile`,
 *   which truncates the file it opens. While Astro builds, {@link replaceOnWrite} makes every
 *   such write into the staging folder or the cache's page copies remove the file first, so
 *   the write makes a new one and the other links keep the old bytes.
 * - Our own steps that change a built page write beside it and rename (print/step.ts).
 * A page linked here that this build did not produce (its case was removed, its listing
 * page no longer exists) is removed once Astro is done ({@link removeUnbuiltPages}).
 */
import { linkSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Undoes {@link replaceOnWrite}; `written` holds the files written under the guarded folders meanwhile. */
export interface WriteGuard {
	written: Set<string>;
	restore(): void;
}

const within = (file: string, dirs: readonly string[]) => dirs.some((dir) => file.startsWith(dir + path.sep));

/** The output folder and Astro's cache of keyed pages, whose copies of a page may be one file. */
export interface SharedCopies {
	pages: string;
	cache: string;
}

/**
 * Until `restore()`, `fs.promises.writeFile` into any of `dirs` removes the file first, so a
 * file shared by hard links is replaced, not overwritten. Patched on Node's own `fs.promises`
 * object because that is what Astro calls (`nodeFs.promises.writeFile`).
 *
 * With `copies`, Astro's second write of a page it rendered, the same bytes into its cache
 * copy (astro/dist/core/build/generate.js writes the page, then `cache.writeOutputFile` with
 * the same Buffer), becomes a hard link to the page just written: one file written instead of
 * two (a cold build writes every page twice). The link is made only when the data is the very
 * Buffer last written to the page of the same relative path, so its bytes are the page's; the
 * next build replaces either copy as above, never writes through it.
 */
export function replaceOnWrite(dirs: readonly string[], copies?: SharedCopies): WriteGuard {
	const promises = fs.promises;
	const original = promises.writeFile;
	const guarded = dirs.map((dir) => path.resolve(dir));
	const pagesDir = copies && path.resolve(copies.pages);
	const cacheDir = copies && path.resolve(copies.cache);
	const written = new Set<string>();
	/** The page (relative to `pagesDir`) each Buffer was last written to. */
	const pageOf = new WeakMap<object, string>();
	const shareCopy = async (target: string, data: unknown): Promise<boolean> => {
		if (!pagesDir || !cacheDir || typeof data !== 'object' || data === null || !within(target, [cacheDir])) return false;
		const relative = path.relative(cacheDir, target);
		if (pageOf.get(data) !== relative) return false;
		pageOf.delete(data);
		try {
			await promises.link(path.join(pagesDir, relative), target);
			return true;
		} catch {
			// Links refused (another file system): write the copy.
			return false;
		}
	};
	const replacing: typeof original = async (file, data, options) => {
		const target = file instanceof URL ? fileURLToPath(file) : typeof file === 'string' ? path.resolve(file) : undefined;
		if (target === undefined || !within(target, guarded)) return original.call(promises, file, data, options);
		await promises.rm(target, { force: true });
		written.add(target);
		if (await shareCopy(target, data)) return;
		await original.call(promises, file, data, options);
		if (pagesDir && typeof data === 'object' && data !== null && within(target, [pagesDir])) pageOf.set(data, path.relative(pagesDir, target));
	};
	promises.writeFile = replacing;
	return {
		written,
		restore() {
			if (promises.writeFile === replacing) promises.writeFile = original;
		},
	};
}

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
