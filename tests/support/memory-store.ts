/** An in-memory data store that behaves as Astro's does for loaders, for the content loader tests. */
import type { LoaderContext } from 'astro/loaders';

/** An entry as a loader stores it. */
export type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/** A data store as Astro's behaves for loaders: `set` refuses an entry whose digest is unchanged; module imports are recorded. */
export function memoryStore() {
	const entries = new Map<string, StoredEntry>();
	const moduleImports: string[] = [];
	const store = {
		get: (id: string) => entries.get(id),
		set: (entry: StoredEntry) => {
			if (entry.digest && entries.get(entry.id)?.digest === entry.digest) return false;
			entries.set(entry.id, entry);
			return true;
		},
		delete: (id: string) => void entries.delete(id),
		has: (id: string) => entries.has(id),
		keys: () => [...entries.keys()],
		values: () => [...entries.values()],
		entries: () => [...entries.entries()],
		clear: () => entries.clear(),
		addModuleImport: (file: string) => void moduleImports.push(file),
		addAssetImport: () => {},
		addAssetImports: () => {},
	};
	return { entries, moduleImports, store };
}
