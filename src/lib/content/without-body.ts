/**
 * A content loader wrapper that keeps entries' raw bodies out of Astro's data store. The
 * glob loader stores every file's MDX text as `entry.body`; for cases that was three
 * quarters of the store (10 of 13 MB at 2,000 cases, 66 MB at 10,000), and the store is
 * serialized whole after every sync with a change, parsed whole at the start of every
 * sync, and bundled into the prerender code as one string literal that each build parses
 * again. Nothing reads a case's stored body: the body is rendered while it loads (the
 * entry passed to `store.set` still has it, see src/lib/markdown/rendered-bodies.ts), the
 * pages' cache keys take the entry's file digest instead (src/lib/compendium/cache-key.ts),
 * and the search step reads the files itself.
 *
 * Astro's own `retainBody: false` glob option cannot do this here: it leaves the body out
 * of the entry before the rendering wrapper sees it.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/** `loader`, whose entries are stored without their `body`. */
export function withoutBody(loader: Loader): Loader {
	return {
		...loader,
		load: (context: LoaderContext) => {
			const store = new Proxy(context.store, {
				get(target, key, receiver) {
					if (key === 'set')
						return (entry: StoredEntry) => {
							const { body: _body, ...rest } = entry;
							return target.set(rest);
						};
					const value = Reflect.get(target, key, receiver);
					return typeof value === 'function' ? value.bind(target) : value;
				},
			});
			return loader.load({ ...context, store });
		},
	};
}
