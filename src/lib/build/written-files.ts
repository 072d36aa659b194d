/**
 * Tells who asks which files Astro has finished writing into the output folder while it
 * builds, so work on a page can start as soon as that page is complete instead of after
 * every page (the PDFs: print/alongside.ts). Astro writes each page it renders with
 * `fs.promises.writeFile` (astro/dist/core/build/generate.js); a listener hears of a file
 * only once that call has resolved, never while it is half-written.
 *
 * `npm run build` (atomic-build.ts) installs the watch around Astro's `build()`, the
 * integration listens: the listeners live on `globalThis`, not in this module, because Astro
 * loads the integration through its own module loader (as deferred-steps.ts explains).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SLOT = Symbol.for('case-compendium.written-files');

/** The watch in force: its folder and who listens. */
interface Watch {
	dir: string;
	listeners: Set<(file: string) => void>;
}

const current = () => (globalThis as { [SLOT]?: Watch })[SLOT];

/**
 * Until `restore()`, every `fs.promises.writeFile` into `dir` that succeeds is announced
 * (as an absolute path) to the listeners of {@link onFileWritten}. Install it before any
 * other patch of `writeFile` that is restored first (page-writer.ts), so each patch finds
 * its own function in place when it restores.
 */
export function watchWrites(dir: string): { restore(): void } {
	const promises = fs.promises;
	const original = promises.writeFile;
	const watch: Watch = { dir: path.resolve(dir), listeners: new Set() };
	const watching: typeof original = async (file, data, options) => {
		await original.call(promises, file, data, options);
		const target = file instanceof URL ? fileURLToPath(file) : typeof file === 'string' ? path.resolve(file) : undefined;
		if (target !== undefined) announceWritten(target);
	};
	promises.writeFile = watching;
	(globalThis as { [SLOT]?: Watch })[SLOT] = watch;
	return {
		restore() {
			if (promises.writeFile === watching) promises.writeFile = original;
			if (current() === watch) delete (globalThis as { [SLOT]?: Watch })[SLOT];
		},
	};
}

/**
 * Tells the listeners of the watch in force that `file` (an absolute path) is complete, when
 * it is in the watched folder: for writes made elsewhere than through `fs.promises.writeFile`
 * (page-writer.ts' worker).
 */
export function announceWritten(file: string): void {
	const watch = current();
	if (!watch || !file.startsWith(watch.dir + path.sep)) return;
	for (const listener of watch.listeners) {
		try {
			listener(file);
		} catch {
			// A listener's failure is its own to report: the write succeeded.
		}
	}
}

/**
 * Calls `listener` with each file written into `dir` from now on, while a watch on that
 * folder is in force; returns undefined (and listens to nothing) when there is none, as with
 * `astro build` alone. The returned function stops listening.
 */
export function onFileWritten(dir: string, listener: (file: string) => void): (() => void) | undefined {
	const watch = current();
	if (!watch || watch.dir !== path.resolve(dir)) return undefined;
	watch.listeners.add(listener);
	return () => watch.listeners.delete(listener);
}
