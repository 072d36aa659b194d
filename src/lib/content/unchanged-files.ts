/**
 * Astro's glob loader, made cheap for a file that has not changed since the last build.
 * Astro 7's glob loader reads every file and parses its frontmatter (to learn the entry's
 * id) before it compares the file's digest with the stored entry's and skips it, so every
 * build parsed all 11,000 frontmatters of a 10,000-case compendium.
 *
 * Here the loader's entry types are wrapped: before a file's frontmatter is parsed, its
 * bytes' digest is compared with the stored entry that came from the same file (same
 * path relative to the site root). When they match, the stored entry was made from these
 * very bytes at this very path, so its id is the one the glob loader would give again: the
 * wrapped entry type answers with that id as the frontmatter's `slug` (the glob loader's
 * documented way to name an entry, used here with its default id function, which this
 * module owns) and the loader finds the stored entry unchanged and keeps it, doing for it
 * what it does for any kept entry. Every other file (new, edited, moved, or whose stored
 * entry the store no longer offers, such as a body rendered with other inputs) is parsed
 * as before. Files that are gone are still removed by the loader, and `astro dev`'s
 * watcher still calls the same entry types, so an edit there is parsed as before. The
 * digest made for the comparison is the one the loader then asks for, so no file's bytes
 * are digested twice.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';

/** What Astro's glob loader reads a file's frontmatter and body with (an internal part of its context). */
export interface EntryType {
	getEntryInfo: (options: { contents: string; fileUrl: URL }) => Promise<{ body: string; data: Record<string, unknown> }>;
}

/** The loader context as the glob loader receives it, with the entry types Astro passes along. */
export type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/** A file's path as the glob loader stores it in `filePath`: relative to the site root, with forward slashes. */
function storedFilePath(root: URL, fileUrl: URL): string {
	return path.relative(fileURLToPath(root), fileURLToPath(fileUrl)).split(path.sep).join('/');
}

/**
 * `glob({ base, pattern })` (with its default ids, which depend only on a file's path and
 * frontmatter) that does not parse a file whose bytes are those of its stored entry.
 */
export function globKeepingUnchanged(options: { base: string; pattern: string }): Loader {
	const loader = glob(options);
	return {
		...loader,
		load: async (context: GlobContext) => {
			const { store, config, generateDigest } = context;
			if (!context.entryTypes) return loader.load(context);
			// Which stored entry came from which file; checked against the live store on each use.
			const idOfFile = new Map<string, string>();
			for (const entry of store.values()) if (entry.filePath) idOfFile.set(entry.filePath, entry.id);
			// Digests made here, handed once to the glob loader, which digests every file it reads again.
			const digests = new Map<string, string>();
			const digestOnce: GlobContext['generateDigest'] = (data) => {
				const made = typeof data === 'string' ? digests.get(data) : undefined;
				if (made === undefined) return generateDigest(data);
				digests.delete(data as string);
				return made;
			};
			const keptId = (contents: string, fileUrl: URL): string | undefined => {
				const filePath = storedFilePath(config.root, fileUrl);
				const id = idOfFile.get(filePath);
				const stored = id === undefined ? undefined : store.get(id);
				if (!stored || stored.filePath !== filePath || !stored.digest) return undefined;
				const made = generateDigest(contents);
				digests.set(contents, made);
				return stored.digest === made ? stored.id : undefined;
			};
			const entryTypes = new Map(
				[...context.entryTypes].map(([extension, type]): [string, EntryType] => [
					extension,
					{
						...type,
						getEntryInfo: (info) => {
							const id = keptId(info.contents, info.fileUrl);
							if (id === undefined) return type.getEntryInfo(info);
							// The glob loader names the entry by this slug, finds it stored with the same digest and keeps it.
							return Promise.resolve({ body: '', data: { slug: id } });
						},
					},
				]),
			);
			return loader.load({ ...context, entryTypes, generateDigest: digestOnce } as GlobContext);
		},
	};
}
