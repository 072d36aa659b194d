/**
 * The post-build step that indexes the compendium for search. It reads the content files
 * (not the built HTML): faster, and the index needs fields pages only show, not mark up.
 * Given a cache directory, it keeps every case's record there under a digest of what the
 * record is made of, and the next build takes unchanged cases' records from it.
 */
import path from 'node:path';
import type { PostBuildStep } from '../build/post-build.ts';
import { StepCache } from '../build/step-cache.ts';
import { codeFingerprint, digest, entryDigest, fileDigest } from '../compendium/cache-key.ts';
import { issueLabel } from '../compendium/issue-label.ts';
import { contentPaths } from '../content/paths.ts';
import { loadSiteConfig } from '../content/site-config.ts';
import { SCRIPTS } from '../../schemas/script.ts';
import { documentFromCase, publishedCases } from './document.ts';
import { storedFoldMap } from './fold-table.ts';
import { recordContext, workerContext, type WorkerContext } from './record-workers.ts';
import type { RecordContext } from './record.ts';
import type { ValidationResult } from '../content/validate.ts';
import { writeSearchIndexFrom, type RecordSource } from './write-index.ts';
import { buildMessages } from '../i18n/messages/index.ts';

/** The folder of the step's record cache inside the build's cache directory. */
export const RECORD_CACHE_DIR = 'compendium-search-records';
/** The step's gzip pack (gzip-pack.ts) inside the build's cache directory. */
export const GZIP_PACK_FILE = 'compendium-search-files.pack';
/** The kept index (kept-index.ts) inside the build's cache directory. */
export const KEPT_INDEX_DIR = 'compendium-search-index';
/** The kept fold map (fold-table.ts `storedFoldMap`) inside the build's cache directory. */
export const FOLD_FILE = 'compendium-search-fold.txt';

/** The record context of a compendium: as data for worker threads, and as the functions it stands for. */
export function searchContext(content: ValidationResult): { workers: WorkerContext; context: Omit<RecordContext, 'fold'> } {
	const workers = workerContext(
		{
			base: loadSiteConfig().base,
			methodName: (slug) => content.methods.get(slug)?.name,
			issueLabel: (id, script) => {
				const issue = content.issues.get(id);
				if (!issue) return undefined;
				const label = issueLabel(issue.data, script);
				return `${label.series} ${label.number}`;
			},
		},
		content.methods.keys(),
		content.issues.keys(),
	);
	return { workers, context: recordContext(workers) };
}

/** The search index step: Pagefind's bundle and our result files into the output directory. */
export function searchIndexStep(): PostBuildStep {
	return {
		name: 'search index',
		async run(outDir, { content, cacheDir, reuse, ownThreads = true }) {
			const site = loadSiteConfig();
			const { workers, context } = searchContext(content);
			// What every record shares: the code that makes records (folding, bigrams, conversion),
			// the conversion settings and glossary, and the base of the record's URL.
			const shared = digest(codeFingerprint(), fileDigest(contentPaths.glossary()), site.traditional, site.base);
			const sources = publishedCases(content).map(({ entry, issueIds }): RecordSource => ({
				id: entry.id,
				date: entry.data.date.toISOString().slice(0, 10),
				// The case, and what its record shows of others: its methods' names, its issues' labels.
				key: digest(
					shared,
					entryDigest(entry),
					issueIds,
					entry.data.methods.map(context.methodName),
					issueIds.map((id) => SCRIPTS.map((script) => context.issueLabel(id, script))),
				),
				document: () => documentFromCase(entry, issueIds),
				task: () => ({ entry: { id: entry.id, data: entry.data, body: entry.body }, issueIds }),
			}));
			const recordCache = cacheDir ? new StepCache(path.join(cacheDir, RECORD_CACHE_DIR)) : undefined;
			const stats = await writeSearchIndexFrom(sources, outDir, context, {
				// Without the records' worker context, every record is made on the step's own thread.
				...(ownThreads ? { workers } : {}),
				...(recordCache && cacheDir
					? {
							recordCache,
							gzipPackFile: path.join(cacheDir, GZIP_PACK_FILE),
							keptIndex: path.join(cacheDir, KEPT_INDEX_DIR),
							fold: storedFoldMap(path.join(cacheDir, FOLD_FILE), codeFingerprint()),
						}
					: {}),
			});
			if (recordCache) {
				recordCache.prune();
				reuse?.('records', { reused: stats.records.reused, rebuilt: stats.records.built });
			}
			const phases = Object.entries(stats.phases)
				.map(([phase, s]) => `${phase} ${s.toFixed(1)} s`)
				.join(', ');
			const threads = stats.threads ? `; ${stats.threads} worker threads` : '';
			const kept = stats.kept ? `; ${stats.kept} pages and ${stats.keptChunks} of ${stats.chunks} chunks from the kept index` : '';
			const gzip = stats.gzip.reused ? `; ${stats.gzip.reused} files of ${stats.gzip.reused + stats.gzip.compressed} from the gzip pack` : '';
			return `${buildMessages.searchOutcome(stats.cases, stats.words, stats.chunks)} [${phases}${threads}${kept}${gzip}]`;
		},
	};
}
