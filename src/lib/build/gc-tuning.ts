/**
 * Garbage-collector settings for a build, set once before it starts. A build allocates
 * hundreds of megabytes of ArrayBuffers that live briefly (each page's body on its way to
 * disk, the open-data files, the search index's chunks). By default V8 starts a full
 * collection of the whole heap each time such external memory grows by a small fixed
 * amount, whatever the heap's size: a rebuild of a 10,000-case compendium that remakes 866
 * pages ran 37 full collections, each marking a heap of some 600 MB. Counted in the heap's
 * global limit instead, the same rebuild runs 11 and takes a sixth less CPU, at the same
 * peak memory (measured in the closing note of stop 26).
 */
import { setFlagsFromString } from 'node:v8';

let tuned = false;

/** Counts external memory (ArrayBuffers) in V8's global heap limit: fewer full collections. Idempotent. */
export function tuneGarbageCollection(): void {
	if (tuned) return;
	tuned = true;
	setFlagsFromString('--external-memory-accounted-in-global-limit');
}
