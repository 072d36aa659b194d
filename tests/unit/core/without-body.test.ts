/**
 * Cases are stored without their raw MDX: through Astro's real glob loader, the stored
 * entries are the plain loader's less `body`, while the wrapped loader (where the body is
 * rendered) still sees each body; and the pages' cache keys, which can no longer read the
 * body, change whenever the file's bytes do, through the digest the loader stores.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore, type StoredEntry } from '../../support/memory-store.ts';
import { withoutBody } from '../../../src/lib/content/without-body.ts';
import { entryDigest } from '../../../src/lib/compendium/cache-key.ts';

let root: string;
beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'without-body-'));
	mkdirSync(path.join(root, 'content/cases'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mdx = {
	contentModuleTypes: '',
	getEntryInfo: async ({ contents }: { contents: string }) => {
		const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(contents) ?? [];
		return { data: (parse(yaml) as Record<string, unknown>) ?? {}, body: body.trim() };
	},
};

const write = (name: string, title: string, text: string) =>
	writeFileSync(path.join(root, 'content/cases', name), `---\ntitle: ${title}\n---\n\n${text}\n`);

async function load(loader: Loader, store: ReturnType<typeof memoryStore>['store']): Promise<void> {
	const context = {
		store,
		collection: 'cases',
		config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
		logger: { warn: () => {}, error: () => {}, info: () => {} },
		parseData: async ({ data }: { data: Record<string, unknown> }) => data,
		generateDigest: (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16),
		entryTypes: new Map([['.mdx', mdx]]),
	};
	await loader.load(context as unknown as LoaderContext);
}

const globOptions = () => ({ base: path.join(root, 'content/cases'), pattern: '**/*.mdx' });

/** The glob loader, recording the entries it hands to the store (what a rendering wrapper sees). */
function recordingGlob(seen: StoredEntry[]): Loader {
	const loader = glob(globOptions());
	return {
		...loader,
		load: (context: LoaderContext) => {
			const store = { ...context.store, set: (entry: StoredEntry) => (seen.push(entry), context.store.set(entry)) };
			return loader.load({ ...context, store });
		},
	};
}

describe('withoutBody', () => {
	it('stores the plain glob loader’s entries less their body, which the wrapped loader still sees', async () => {
		write('a.mdx', '甲', '甲的正文');
		write('b.mdx', '乙', '乙的正文');
		const plain = memoryStore();
		await load(glob(globOptions()), plain.store);
		const seen: StoredEntry[] = [];
		const bodiless = memoryStore();
		await load(withoutBody(recordingGlob(seen)), bodiless.store);
		expect(seen.map((entry) => entry.body).sort()).toEqual(['乙的正文', '甲的正文']);
		expect([...bodiless.entries.values()].every((entry) => !('body' in entry))).toBe(true);
		const expected = [...plain.entries].map(([id, { body: _body, ...rest }]) => [id, rest]);
		expect([...bodiless.entries].sort()).toEqual(expected.sort());
	});

	it('keeps an unchanged entry on the next load and replaces an edited one', async () => {
		write('a.mdx', '甲', '甲的正文');
		const { entries, store } = memoryStore();
		const loader = withoutBody(glob(globOptions()));
		await load(loader, store);
		const first = entries.get('a');
		await load(loader, store);
		expect(entries.get('a')).toBe(first);
		write('a.mdx', '甲', '甲的正文，改过');
		await load(loader, store);
		expect(entries.get('a')?.digest).not.toBe(first?.digest);
	});
});

describe('entryDigest of a stored entry', () => {
	it('changes with the file’s digest when the body is not stored, and uses the body otherwise', () => {
		const data = { title: '甲' };
		expect(entryDigest({ id: 'a', data, digest: 'd1' })).not.toBe(entryDigest({ id: 'a', data, digest: 'd2' }));
		expect(entryDigest({ id: 'a', data, digest: 'd1' })).toBe(entryDigest({ id: 'a', data, digest: 'd1', body: '正文' }));
		expect(entryDigest({ id: 'a', data, body: '正文' })).not.toBe(entryDigest({ id: 'a', data, body: '正文，改过' }));
		expect(entryDigest({ id: 'a', data, digest: 'd1' })).not.toBe(entryDigest({ id: 'a', data: { title: '乙' }, digest: 'd1' }));
	});
});
