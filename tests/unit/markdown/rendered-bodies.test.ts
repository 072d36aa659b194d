/**
 * The loader wrapper that renders bodies in the content layer: an .mdx entry the glob
 * loader would leave to a module is stored with its HTML for both scripts; an unchanged
 * file rendered with the same pipeline inputs is reused; one rendered with other inputs
 * (an edited glossary, other code) is read and rendered again; a body only the module path
 * renders stays a module.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../../support/memory-store.ts';
import { bodyFileOf, renderedBodies, renderedBody, renderedBodyHtml, renderFingerprint } from '../../../src/lib/markdown/rendered-bodies.ts';

/** Like the glob loader: a file whose digest is unchanged is skipped, any other is set as a module entry. */
function fakeGlob(files: Record<string, string>, reads: string[]): Loader {
	return {
		name: 'fake-glob',
		load: async ({ store }) => {
			for (const [id, body] of Object.entries(files)) {
				const digest = `digest:${body}`;
				if (store.get(id)?.digest === digest) continue;
				reads.push(id);
				store.set({ id, data: { script: 'hans' }, body, filePath: `content/cases/${id}.mdx`, digest, deferredRender: true });
			}
		},
	};
}

let cacheDir: string;
beforeEach(() => void (cacheDir = mkdtempSync(path.join(tmpdir(), 'rendered-bodies-'))));
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The body files the loader keeps for the collection. */
const bodyFiles = () => readdirSync(path.join(cacheDir, 'rendered-bodies', 'cases', renderFingerprint())).sort();

async function load(files: Record<string, string>, store: ReturnType<typeof memoryStore>['store']): Promise<string[]> {
	const reads: string[] = [];
	const config = { root: new URL('file:///site/'), cacheDir: pathToFileURL(`${cacheDir}/`) };
	const context = { store, collection: 'cases', config } as unknown as LoaderContext;
	await renderedBodies(fakeGlob(files, reads)).load(context);
	return reads;
}

describe('renderedBodies', () => {
	it('stores both scripts’ HTML in files instead of a module, and reuses them for an unchanged file', async () => {
		const { entries, store } = memoryStore();
		expect(await load({ a: '头发\n' }, store)).toEqual(['a']);
		const entry = entries.get('a')!;
		expect(entry.deferredRender).toBeUndefined();
		expect(renderedBodyHtml(entry, 'hans')).toBe('<p>头发</p>');
		expect(renderedBodyHtml(entry, 'hant')).toBe('<p>頭髮</p>');
		// The data store holds where the HTML is, not the HTML.
		expect(JSON.stringify(entry)).not.toContain('頭髮');
		expect(renderedBody(entry)?.renderedWith).toBe(renderFingerprint());
		expect(await load({ a: '头发\n' }, store)).toEqual([]);
		expect(bodyFiles()).toHaveLength(2);
	});

	it('renders again a body rendered with other pipeline inputs (glossary, code), or whose files are gone', async () => {
		const { entries, store } = memoryStore();
		await load({ a: '头发\n' }, store);
		const metadata = renderedBody(entries.get('a')!)!;
		metadata.renderedWith = 'an older glossary';
		writeFileSync(bodyFileOf(metadata, 'hant'), 'stale');
		expect(await load({ a: '头发\n' }, store)).toEqual(['a']);
		expect(renderedBodyHtml(entries.get('a')!, 'hant')).toBe('<p>頭髮</p>');
		rmSync(bodyFileOf(renderedBody(entries.get('a')!)!, 'hans'));
		expect(await load({ a: '头发\n' }, store)).toEqual(['a']);
		expect(renderedBodyHtml(entries.get('a')!, 'hans')).toBe('<p>头发</p>');
	});

	it('removes the renderings of other pipeline inputs whole, in the background', async () => {
		const root = path.join(cacheDir, 'rendered-bodies', 'cases');
		mkdirSync(path.join(root, 'an-older-fingerprint'), { recursive: true });
		writeFileSync(path.join(root, 'an-older-fingerprint', 'a.hans.html'), 'stale');
		await load({ a: '头发\n' }, memoryStore().store);
		expect(readdirSync(root)).not.toContain('an-older-fingerprint');
		await expect.poll(() => readdirSync(root), { timeout: 10_000 }).toEqual([renderFingerprint()]);
		expect(bodyFiles()).toHaveLength(2);
	});

	it('removes the files of an edited or removed body', async () => {
		const { entries, store } = memoryStore();
		await load({ a: '头发\n', b: '后来\n' }, store);
		const before = renderedBody(entries.get('a')!)!;
		await load({ a: '头发很长\n', b: '后来\n' }, store);
		expect(existsSync(bodyFileOf(before, 'hans'))).toBe(false);
		expect(renderedBodyHtml(entries.get('a')!, 'hant')).toBe('<p>頭髮很長</p>');
		expect(bodyFiles()).toHaveLength(4);
		store.delete('b');
		await load({ a: '头发很长\n' }, store);
		expect(bodyFiles()).toHaveLength(2);
	});

	it('keeps the last version of a body set twice, or deleted, while an earlier render runs (two change events for one save in dev)', async () => {
		const { entries, store } = memoryStore();
		const config = { root: new URL('file:///site/'), cacheDir: pathToFileURL(`${cacheDir}/`) };
		const entry = (body: string) => ({
			id: 'a',
			data: { script: 'hans' },
			body,
			filePath: 'content/cases/a.mdx',
			digest: `digest:${body}`,
			deferredRender: true,
		});
		// The earlier version renders longer (a bigger body, bigger files to write) and so finishes last.
		const earlier = Array.from({ length: 3000 }, (_, n) => `第${n}段，头发后来干净。`).join('\n\n');
		const watcher: Loader = {
			name: 'watcher',
			load: async ({ store: loaderStore }) => {
				loaderStore.set(entry(earlier));
				loaderStore.set(entry('保存后的正文\n'));
				loaderStore.set({ ...entry(earlier), id: 'b' });
				loaderStore.delete('b');
			},
		};
		await renderedBodies(watcher).load({ store, collection: 'cases', config } as unknown as LoaderContext);
		expect(renderedBodyHtml(entries.get('a')!, 'hant')).toBe('<p>保存後的正文</p>');
		expect(entries.has('b')).toBe(false);
	});

	it('leaves a body with highlighted code, or one the pipeline refuses, to the MDX module', async () => {
		const { entries, store } = memoryStore();
		await load({ code: '```\n代码\n```\n', unsafe: '{1 + 1}\n' }, store);
		for (const id of ['code', 'unsafe']) {
			expect(entries.get(id)?.deferredRender).toBe(true);
			expect(renderedBody(entries.get(id)!)).toBeUndefined();
		}
	});
});
