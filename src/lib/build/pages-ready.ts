/**
 * The wait between `npm run build` linking the last build's pages into the staging folder
 * in the background (linked-pages.ts) and Astro's page generation, which must find every
 * linked page in place (it copies a reusable page only when none is there, and a copy made
 * while the link is still to come would be linked over or fail). The build announces its
 * linking here before `build()`; the integration waits for it in `astro:build:start`, after
 * Astro's config, the content validation and the content sync, before any page is made.
 *
 * The promise lives on `globalThis`, not in this module: Astro loads the integration through
 * its own module loader, so the integration's copy of this module is not the build's.
 */

const SLOT = Symbol.for('case-compendium.pages-ready');

type Holder = { [SLOT]?: Promise<unknown> };

/** Makes {@link pagesReady} wait for `linking` until the returned function is called. */
export function announceLinking(linking: Promise<unknown>): () => void {
	// The build awaits the same promise later; until then a failure is not an unhandled rejection.
	linking.catch(() => {});
	(globalThis as Holder)[SLOT] = linking;
	return () => {
		if ((globalThis as Holder)[SLOT] === linking) delete (globalThis as Holder)[SLOT];
	};
}

/**
 * Resolves once the announced linking is done, at once when none was announced (`astro
 * build` alone); throws what the linking threw, so the build stops before making pages.
 */
export async function pagesReady(): Promise<void> {
	await (globalThis as Holder)[SLOT];
}
