/**
 * Pagefind's runtime files, from Pagefind itself: the search API (pagefind.js), its wasm,
 * and the entry file's settings. The index is written without Pagefind (pagefind-writer.ts),
 * but these come from the installed Pagefind so that they always match its version: an
 * index-less Pagefind session writes them in a few milliseconds.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { checkPagefindVersion } from './pagefind-format.ts';
import type { EntryBase } from './pagefind-writer.ts';

/** The files a built index needs from Pagefind: pagefind.js (shared by every index version), the wasm, the entry settings. */
export interface PagefindRuntime {
	/** pagefind.js, Pagefind's search API. */
	api: Buffer;
	/** The wasm files (*.pagefind) by name: they sit next to each index. */
	wasm: Map<string, Buffer>;
	/** The entry file as Pagefind writes it for an empty index (version, settings). */
	entry: EntryBase;
}

function fail(what: string, errors: readonly string[]): never {
	throw new Error(`search index: Pagefind ${what} failed: ${errors.join('; ')}`);
}

/** Asks Pagefind for its runtime files (one short session, no pages). */
export async function pagefindRuntime(): Promise<PagefindRuntime> {
	const dir = mkdtempSync(path.join(tmpdir(), 'pagefind-runtime-'));
	try {
		const { index, errors } = await pagefind.createIndex({});
		if (!index) fail('createIndex', errors);
		const written = await index.writeFiles({ outputPath: dir });
		if (written.errors.length) fail('writeFiles', written.errors);
		const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as EntryBase;
		checkPagefindVersion(entry.version, 'Pagefind');
		const wasm = new Map(
			readdirSync(dir)
				.filter((file) => file.endsWith('.pagefind'))
				.map((file) => [file, readFileSync(path.join(dir, file))]),
		);
		return { api: readFileSync(path.join(dir, 'pagefind.js')), wasm, entry };
	} finally {
		await pagefind.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
