/**
 * Records made in worker threads (the build step, once there are many to make) give the
 * same index, byte for byte, as records made on the main thread; the records they store in
 * the record cache give a rebuild the same index again.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteFiles } from './site-files.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../src/lib/bench/corpus.ts';
import { contentDir } from '../../../src/lib/content/paths.ts';
import { validateContent } from '../../../src/lib/content/validate.ts';
import { StepCache } from '../../../src/lib/build/step-cache.ts';
import { documentFromCase, documentsFromContent, publishedCases } from '../../../src/lib/search/document.ts';
import { searchContext, searchIndexStep } from '../../../src/lib/search/step.ts';
import { writeSearchIndex, writeSearchIndexFrom, type RecordSource } from '../../../src/lib/search/write-index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'record-workers-'));
const saved = process.env.COMPENDIUM_CONTENT;
afterAll(() => {
	if (saved === undefined) delete process.env.COMPENDIUM_CONTENT;
	else process.env.COMPENDIUM_CONTENT = saved;
	rmSync(work, { recursive: true, force: true });
});

describe('record workers', () => {
	it('make the same index as the main thread', async () => {
		generateCorpus({ from: contentDir(), to: path.join(work, 'content'), cases: 60 });
		// Workers read the same environment: the generated corpus's glossary and settings.
		process.env.COMPENDIUM_CONTENT = path.join(work, 'content');
		const content = validateContent();
		const outcome = await searchIndexStep().run(path.join(work, 'workers'), { content });
		expect(outcome).toMatch(/60.*worker threads/);
		const { context } = searchContext(content);
		const stats = await writeSearchIndex(documentsFromContent(content), path.join(work, 'main'), context);
		expect(stats.records.built).toBe(60);
		expect(siteFiles(path.join(work, 'workers'))).toEqual(siteFiles(path.join(work, 'main')));
	}, 120_000);

	it('store the records they make, and a rebuild from those records writes the same index', async () => {
		// The corpus of the first test, its environment still set.
		const content = validateContent();
		const { workers, context } = searchContext(content);
		const sources = (edited?: string) =>
			publishedCases(content).map(({ entry, issueIds }): RecordSource => ({
				id: entry.id,
				date: entry.data.date.toISOString().slice(0, 10),
				key: entry.id === edited ? `${entry.id}-edited` : entry.id,
				document: () => documentFromCase(entry, issueIds),
				task: () => ({ entry: { id: entry.id, data: entry.data, body: entry.body }, issueIds }),
			}));
		const cache = path.join(work, 'cache');
		const options = () => ({ workers, recordCache: new StepCache(cache), gzipPackFile: path.join(cache, 'pack') });
		const cold = await writeSearchIndexFrom(sources(), path.join(work, 'cold'), context, options());
		expect(cold.records).toEqual({ reused: 0, built: 60 });
		expect(cold.threads).toBeGreaterThan(1);
		const rebuild = await writeSearchIndexFrom(sources(), path.join(work, 'rebuild'), context, options());
		expect(rebuild.records).toEqual({ reused: 60, built: 0 });
		expect(siteFiles(path.join(work, 'rebuild'))).toEqual(siteFiles(path.join(work, 'cold')));
		// A record missing from the cache (its key changed) is made again; the rest are read.
		const second = publishedCases(content)[30]!.entry.id;
		const oneNew = await writeSearchIndexFrom(sources(second), path.join(work, 'one-new'), context, options());
		expect(oneNew.records).toEqual({ reused: 59, built: 1 });
		expect(siteFiles(path.join(work, 'one-new'))).toEqual(siteFiles(path.join(work, 'cold')));
		const kept = new StepCache(cache);
		expect(readdirSync(cache, { recursive: true }).filter((name) => String(name).endsWith('.record'))).toHaveLength(61);
		expect(kept.read(`${second}-edited.record`)).toBeDefined();
	}, 240_000);
});
