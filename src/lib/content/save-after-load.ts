/**
 * A content loader wrapper that keeps Astro from saving its data store in the middle of a
 * load. Astro saves the whole store 500 ms after the last change to it, and a save
 * serializes every entry of every collection (devalue: about 3.5 s for 2,000 cases on a
 * busy machine). A sync starts by setting Astro's own bookkeeping keys, so a save fell in
 * the middle of the load, and once an edited file's entry was stored after it a second
 * save came at the end: every rebuild with a change paid for two. While the wrapped loader
 * runs (including the bodies rendered after it, see rendered-bodies.ts), this wrapper sets
 * a key of its own in the collection's meta store, always to the same value, more often
 * than that, so the store is saved once, after the load.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** The meta key touched while loading; its value never changes, so the saved store does not either. */
const LOADING_KEY = 'compendium-loading';
/** Well under Astro's 500 ms save debounce. */
const TOUCH_EVERY_MS = 200;

/** `loader`, with Astro's debounced save of the data store postponed until it has finished. */
export function saveAfterLoad(loader: Loader): Loader {
	return {
		...loader,
		load: async (context: LoaderContext) => {
			const touch = () => context.meta.set(LOADING_KEY, '');
			touch();
			const timer = setInterval(touch, TOUCH_EVERY_MS);
			try {
				await loader.load(context);
			} finally {
				clearInterval(timer);
			}
		},
	};
}
