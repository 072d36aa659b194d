/**
 * Searches a built site's index from Node with Pagefind's own pagefind.js, the file the
 * browser runs, over a local server: the tests check what readers get, without a browser.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic } from '../build/static-server.ts';
import type { Script } from '../../schemas/script.ts';
import { parseFoldMap, type FoldMap } from './fold.ts';
import { MANIFEST_FILE, PAGEFIND_DIR, SEARCH_DATA_DIR, displayFile, pageId, type ResultDisplay, type SearchManifest } from './layout.ts';
import { planQuery } from './query.ts';
import { matchPages, type PagefindSearchApi } from './run.ts';

/** A built site's search opened in Node; `close()` stops its server and removes its scratch copy of pagefind.js. */
export interface NodeSearch {
	manifest: SearchManifest;
	fold: FoldMap;
	/** Case ids matching a query, most relevant first. */
	caseIds(query: string): Promise<string[]>;
	display(page: number, script: Script): ResultDisplay;
	close(): Promise<void>;
}

/** Opens the search of the site built in `siteDir`, serving it locally so Pagefind fetches its files as in the browser. */
export async function openNodeSearch(siteDir: string): Promise<NodeSearch> {
	const manifest = JSON.parse(readFileSync(path.join(siteDir, SEARCH_DATA_DIR, MANIFEST_FILE), 'utf8')) as SearchManifest;
	const fold = parseFoldMap(manifest.fold);
	const server = await serveStatic(siteDir);
	// Node imports modules from files only: a copy of pagefind.js, pointed at the server.
	const scratch = mkdtempSync(path.join(tmpdir(), 'pagefind-node-'));
	const moduleFile = path.join(scratch, 'pagefind.mjs');
	copyFileSync(path.join(siteDir, PAGEFIND_DIR, 'pagefind.js'), moduleFile);
	const pagefind = (await import(pathToFileURL(moduleFile).href)) as {
		createInstance(options: { basePath: string; noWorker: boolean }): PagefindSearchApi & { destroy(): Promise<void> };
	};
	const api = pagefind.createInstance({ basePath: `${server.url}${PAGEFIND_DIR}/${manifest.version}/`, noWorker: true });
	const display = (page: number, script: Script) =>
		JSON.parse(readFileSync(path.join(siteDir, SEARCH_DATA_DIR, displayFile(manifest.version, script, pageId(page))), 'utf8')) as ResultDisplay;
	return {
		manifest,
		fold,
		async caseIds(query) {
			const pages = (await matchPages(api, planQuery(query, fold))) ?? [];
			return pages.map((page) => display(page, 'hans').id);
		},
		display,
		async close() {
			await api.destroy();
			await server.close();
			rmSync(scratch, { recursive: true, force: true });
		},
	};
}
