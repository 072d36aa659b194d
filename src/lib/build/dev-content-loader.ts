/**
 * Content loaders that keep `astro dev` running while the content has errors. Astro's
 * loaders throw when an entry does not match its schema (or its frontmatter does not
 * parse), and at startup that ends the dev server, so an editor who saved a mistake and
 * then ran `npm run dev` got a message and no server. Our own validation already reports
 * every such error (dev-content.ts: in the terminal, and in the browser's error overlay
 * for every page until it is fixed), so in dev a wrapped loader leaves an entry it cannot
 * read out of the store instead of throwing; once the file is fixed the loader's watcher
 * reads it again. Builds (no watcher) are left as they are: the build is validated first.
 * The watcher is one that reports a file again until its save has settled
 * (settling-watcher.ts): an entry read half written is otherwise kept out until the next save.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { EntryType, GlobContext } from '../content/unchanged-files.ts';
import { settlingWatcher } from './settling-watcher.ts';

/**
 * Entry types whose frontmatter errors give an entry with no data (which then fails its
 * schema and is left out) instead of throwing.
 */
function tolerantEntryTypes(entryTypes: Map<string, EntryType>): Map<string, EntryType> {
	return new Map(
		[...entryTypes].map(([extension, type]) => [
			extension,
			{
				...type,
				getEntryInfo: (options) => type.getEntryInfo(options).catch(() => ({ body: '', data: {} })),
			},
		]),
	);
}

/** `loader` as it is for builds; in `astro dev`, an entry that fails its schema is left out, not thrown. */
export function keepServingInDev(loader: Loader): Loader {
	return {
		...loader,
		load: (context: GlobContext) => {
			if (!context.watcher) return loader.load(context);
			const unreadable = new Set<string>();
			const store = new Proxy(context.store, {
				get(target, key, receiver) {
					if (key === 'set') return (entry: { id: string }) => !unreadable.has(entry.id) && target.set(entry as never);
					const value = Reflect.get(target, key, receiver);
					return typeof value === 'function' ? value.bind(target) : value;
				},
			});
			const parseData: LoaderContext['parseData'] = async (entry) => {
				try {
					const data = await context.parseData(entry);
					unreadable.delete(entry.id);
					return data;
				} catch {
					unreadable.add(entry.id);
					return entry.data;
				}
			};
			return loader.load({
				...context,
				store,
				parseData,
				watcher: settlingWatcher(context.watcher),
				...(context.entryTypes ? { entryTypes: tolerantEntryTypes(context.entryTypes) } : {}),
			} as GlobContext);
		},
	};
}
