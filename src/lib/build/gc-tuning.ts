/**
 * Garbage-collector settings for a build, chosen before it starts. A build allocates hundreds
 * of megabytes of ArrayBuffers that live briefly (each page's body on its way to disk, the
 * open-data files, the search index's chunks). By default V8 starts a full collection of the
 * whole heap each time such external memory grows by a small fixed amount, whatever the
 * heap's size: a rebuild of a 10,000-case compendium that remakes 866 pages ran 37 full
 * collections, each marking a heap of some 600 MB. With external memory counted in the heap's
 * global limit instead it ran 11, and took a fifth less CPU.
 *
 * The price is memory: collected less often, a build that renders every page peaks higher
 * (a full rebuild at 10,000 cases: 3.5 instead of 2.4 GB, once over 4 GiB). So the setting is
 * taken only for a rebuild of the same code, settings, glossary and methods as the last
 * build in this cache (the build fingerprint, compendium/cache-key.ts), which copies most
 * pages; a first build, or one after any of those changed, renders every page with V8's
 * defaults. The setting changes when collections run, never what the build writes.
 */
import { setFlagsFromString } from 'node:v8';
import { rebuildsLastBuild } from './incremental.ts';

/** Counts external memory in V8's global limit for a rebuild of the last build, and restores V8's default otherwise. */
export function tuneGarbageCollection(cacheDir: string): void {
	setFlagsFromString(rebuildsLastBuild(cacheDir) ? '--external-memory-accounted-in-global-limit' : '--no-external-memory-accounted-in-global-limit');
}
