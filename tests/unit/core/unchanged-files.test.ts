/**
 * The glob loader that does not parse unchanged files, driven through Astro's real glob
 * loader over a real folder: a second load parses nothing and keeps every entry as it was;
 * an edited, added, renamed or removed file is handled exactly as the plain glob loader
 * handles it (same ids, same entries); a stored entry the store no longer offers is parsed
 * again; a frontmatter `slug` names the entry as before; every file is digested once.
 * Cases are also stored without their raw MDX (withoutBody): the stored entries are the
 * plain loader's less `body`, while the wrapped loader (where bodies are rendered) still
 * sees each body, and the pages' cache keys follow the file digest the loader stores.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore, type StoredEntry } from '../../support/memory-store.ts';
import { globKeepingUnchanged, type EntryType } from '../../../src/lib/content/unchanged-files.ts';
import { withoutBody } from '../../../src/lib/content/without-body.ts';
import { entryDigest } from '../../../src/lib/compendium/cache-key.ts';

let root: string;
let parsed: string[];
/** The texts the loader's digest function was asked for, in order. */
let digested: string[];
beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'unchanged-files-'));
	mkdirSync(path.join(root, 'content/cases/sub'), { recursive: true });
	parsed = [];
	digested = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** An MDX entry type like @astrojs/mdx's: frontmatter as data, the rest as body, kept as a module. */
const mdx: EntryType & { contentModuleTypes: string } = {
	contentModuleTypes: '',
	getEntryInfo: async ({ contents, fileUrl }) => {
		parsed.push(path.basename(fileUrl.pathname));
		const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(contents) ?? [];
		return { data: (parse(yaml) as Record<string, unknown>) ?? {}, body: body.trim() };
	},
};

const write = (name: string, title: string, extra = '') =>
	writeFileSync(path.join(root, 'content/cases', name), `---\ntitle: ${title}\n${extra}---\n\n${title}的正文\n`);

async function load(loader: Loader, store: ReturnType<typeof memoryStore>['store']): Promise<void> {
	const context = {
		store,
		collection: 'cases',
		config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
		logger: { warn: () => {}, error: () => {}, info: () => {} },
		parseData: async ({ data }: { data: Record<string, unknown> }) => data,
		generateDigest: (text: string) => {
			digested.push(text);
			return createHash('sha256').update(text).digest('hex');
		},
		entryTypes: new Map([['.mdx', mdx]]),
	};
	await loader.load(context as unknown as LoaderContext);
}

const options = () => ({ base: path.join(root, 'content/cases'), pattern: '**/*.mdx' });

/** Loads the folder with the plain glob loader into a fresh store: what the entries must equal. */
async function plainEntries(): Promise<Map<string, StoredEntry>> {
	const { entries, store } = memoryStore();
	await load(glob(options()), store);
	return entries;
}

describe('globKeepingUnchanged', () => {
	it('parses every file once, then none while nothing changes, keeping the entries and their modules', async () => {
		write('a.mdx', '甲');
		write('sub/b.mdx', '乙');
		const { entries, moduleImports, store } = memoryStore();
		const loader = globKeepingUnchanged(options());
		await load(loader, store);
		expect(parsed.sort()).toEqual(['a.mdx', 'b.mdx']);
		const first = structuredClone([...entries]);
		parsed = [];
		moduleImports.length = 0;
		await load(loader, store);
		expect(parsed).toEqual([]);
		expect([...entries]).toEqual(first);
		// A kept entry is still imported as a module, as the glob loader does for kept entries.
		expect(moduleImports.sort()).toEqual(['content/cases/a.mdx', 'content/cases/sub/b.mdx']);
		parsed = [];
		// The glob loader reads ten files at a time, so the order entries were stored in may differ.
		expect([...entries].sort()).toEqual([...(await plainEntries())].sort());
	});

	it('parses only the edited and added files, drops removed ones, and ends with the plain loader’s entries', async () => {
		write('a.mdx', '甲');
		write('b.mdx', '乙');
		write('c.mdx', '丙');
		const { entries, store } = memoryStore();
		const loader = globKeepingUnchanged(options());
		await load(loader, store);
		write('a.mdx', '甲改');
		write('d.mdx', '丁');
		rmSync(path.join(root, 'content/cases/c.mdx'));
		parsed = [];
		await load(loader, store);
		expect(parsed.sort()).toEqual(['a.mdx', 'd.mdx']);
		expect(entries.get('a')?.data).toEqual({ title: '甲改' });
		expect([...entries.keys()].sort()).toEqual(['a', 'b', 'd']);
		expect(new Map([...entries].sort())).toEqual(new Map([...(await plainEntries())].sort()));
	});

	it('digests each file it reads once, whether it is kept or parsed again', async () => {
		write('a.mdx', '甲');
		write('b.mdx', '乙');
		const { store } = memoryStore();
		const loader = globKeepingUnchanged(options());
		await load(loader, store);
		expect(digested).toHaveLength(2);
		write('a.mdx', '甲改');
		digested = [];
		await load(loader, store);
		expect(parsed.filter((file) => file === 'a.mdx')).toHaveLength(2);
		expect(digested.sort()).toEqual(['---\ntitle: 乙\n---\n\n乙的正文\n', '---\ntitle: 甲改\n---\n\n甲改的正文\n']);
	});

	it('parses a file moved to another path (its id comes from the path) and a file with the same bytes as a removed one', async () => {
		write('a.mdx', '甲');
		write('b.mdx', '乙');
		const { entries, store } = memoryStore();
		const loader = globKeepingUnchanged(options());
		await load(loader, store);
		renameSync(path.join(root, 'content/cases/a.mdx'), path.join(root, 'content/cases/sub/a2.mdx'));
		parsed = [];
		await load(loader, store);
		expect(parsed).toEqual(['a2.mdx']);
		expect([...entries.keys()].sort()).toEqual(['b', 'sub/a2']);
		expect(entries.get('sub/a2')?.filePath).toBe('content/cases/sub/a2.mdx');
	});

	it('keeps the id a frontmatter slug gave, and parses again when the slug is edited', async () => {
		write('a.mdx', '甲', 'slug: jia\n');
		const { entries, store } = memoryStore();
		const loader = globKeepingUnchanged(options());
		await load(loader, store);
		parsed = [];
		await load(loader, store);
		expect(parsed).toEqual([]);
		expect([...entries.keys()]).toEqual(['jia']);
		write('a.mdx', '甲', 'slug: yi\n');
		await load(loader, store);
		expect(parsed).toEqual(['a.mdx']);
		expect([...entries.keys()]).toEqual(['yi']);
	});

	it('parses again a file whose stored entry the store does not offer (a wrapper hid it as stale)', async () => {
		write('a.mdx', '甲');
		const { entries, store } = memoryStore();
		const loader = globKeepingUnchanged(options());
		await load(loader, store);
		const hiding = { ...store, get: () => undefined };
		parsed = [];
		await load(loader, hiding);
		expect(parsed).toEqual(['a.mdx']);
		expect(entries.get('a')?.data).toEqual({ title: '甲' });
	});
});

/** The glob loader, recording the entries it hands to the store (what a rendering wrapper sees). */
function recordingGlob(seen: StoredEntry[]): Loader {
	const loader = glob(options());
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
		write('a.mdx', '甲');
		write('b.mdx', '乙');
		const seen: StoredEntry[] = [];
		const { entries, store } = memoryStore();
		await load(withoutBody(recordingGlob(seen)), store);
		expect(seen.map((entry) => entry.body).sort()).toEqual(['乙的正文', '甲的正文']);
		expect([...entries.values()].every((entry) => !('body' in entry))).toBe(true);
		const expected = [...(await plainEntries())].map(([id, { body: _body, ...rest }]) => [id, rest]);
		expect([...entries].sort()).toEqual(expected.sort());
	});

	it('keeps an unchanged entry on the next load and replaces an edited one', async () => {
		write('a.mdx', '甲');
		const { entries, store } = memoryStore();
		const loader = withoutBody(globKeepingUnchanged(options()));
		await load(loader, store);
		const first = entries.get('a');
		await load(loader, store);
		expect(entries.get('a')).toBe(first);
		write('a.mdx', '甲', 'note: 改过\n');
		await load(loader, store);
		expect(entries.get('a')?.digest).not.toBe(first?.digest);
		expect(entries.get('a')).not.toHaveProperty('body');
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
