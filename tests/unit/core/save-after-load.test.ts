/**
 * saveAfterLoad against Astro's own data store: a sync sets Astro's bookkeeping keys, then
 * a loader runs for longer than Astro's save debounce and stores an entry at its end. A
 * plain loader lets the store be written twice (mid-load and after); the wrapped one once,
 * after the load, with the entry in it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MutableDataStore } from '../../../node_modules/astro/dist/content/mutable-data-store.js';
import { saveAfterLoad } from '../../../src/lib/content/save-after-load.ts';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'save-after-load-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A loader that works for 1.2 s (over Astro's 500 ms debounce) and then stores one entry. */
const slowLoader: Loader = {
	name: 'slow',
	load: async ({ store }) => {
		await new Promise((resolve) => setTimeout(resolve, 1200));
		store.set({ id: 'a', data: { title: '甲' }, digest: 'a1' });
	},
};

/** Runs one sync as Astro does and returns how many times the store file was written. */
async function writesOfOneSync(loader: Loader): Promise<number> {
	const file = pathToFileURL(path.join(dir, 'data-store.json'));
	const store = await MutableDataStore.fromFile(file);
	let writes = 0;
	store.onFileWritten(() => writes++);
	store.metaStore().set('astro-version', 'test');
	await loader.load({ store: store.scopedStore('cases'), meta: store.metaStore('cases') } as unknown as LoaderContext);
	await store.waitUntilSaveComplete();
	expect(readFileSync(file, 'utf8')).toContain('甲');
	return writes;
}

describe('saveAfterLoad', () => {
	it('lets Astro save the data store once, after the load, where a plain loader has it saved twice', async () => {
		expect(await writesOfOneSync(slowLoader)).toBe(2);
		rmSync(path.join(dir, 'data-store.json'));
		expect(await writesOfOneSync(saveAfterLoad(slowLoader))).toBe(1);
	});
});
