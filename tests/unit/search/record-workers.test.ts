/**
 * Records made in worker threads (the build step, once there are many to make) give the
 * same index, byte for byte, as records made on the main thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteFiles } from './site-files.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../src/lib/bench/corpus.ts';
import { contentDir } from '../../../src/lib/content/paths.ts';
import { validateContent } from '../../../src/lib/content/validate.ts';
import { documentsFromContent } from '../../../src/lib/search/document.ts';
import { searchContext, searchIndexStep } from '../../../src/lib/search/step.ts';
import { writeSearchIndex } from '../../../src/lib/search/write-index.ts';

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
});
