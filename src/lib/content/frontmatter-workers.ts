/**
 * Parses case and issue frontmatter in worker threads when the validation cache holds little
 * of it (a cold build: 10,000 cases' YAML and schema checks took about 15 s on the one
 * thread, with the machine's other core idle, before Astro could start). The outcomes go
 * into the cache (validation-cache.ts `addParsed`), so validation itself then runs as on a
 * rebuild: same code, same problems, same order. Rebuilds, whose cache holds most files,
 * parse their few changed files on the main thread as before.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { useSchemaLanguage } from './errors.ts';
import { PROJECT_ROOT } from './paths.ts';
import { FRONTMATTER_COLLECTIONS, frontmatterFiles, parseEntryFrontmatter } from './validate.ts';
import { frontmatterKey, type FrontmatterOutcome, type ValidationCache } from './validation-cache.ts';
import { serveWorkerTask, startWorkerTask } from '../worker-task.ts';

const ROLE = 'compendium-frontmatter';
const WORKER_FILE = path.join(PROJECT_ROOT, 'src', 'lib', 'content', 'frontmatter-workers.ts');

/** Below this many files to parse, starting workers (about half a second each) does not pay. */
export const MIN_FILES_FOR_WORKERS = 1000;

type Collection = keyof typeof FRONTMATTER_COLLECTIONS;
interface Job {
	collection: Collection;
	file: string;
}

/**
 * Fills `cache` with the frontmatter of every case and issue, parsed in `size` worker threads,
 * when there are at least `minFiles` files and the cache holds fewer than half of them.
 * Returns how many outcomes were added.
 */
export async function parseFrontmatterInWorkers(cache: ValidationCache, options: { size?: number; minFiles?: number } = {}): Promise<number> {
	const size = options.size ?? Math.min(availableParallelism(), 4);
	const jobs: Job[] = (Object.keys(FRONTMATTER_COLLECTIONS) as Collection[]).flatMap((collection) =>
		frontmatterFiles(collection).map((file) => ({ collection, file })),
	);
	if (size < 2 || jobs.length < (options.minFiles ?? MIN_FILES_FOR_WORKERS) || cache.storedCount >= jobs.length / 2) return 0;
	// Interleaved shares: neighbouring files cost alike, so each worker gets a fair part.
	const shares = Array.from({ length: size }, (_, i) => jobs.filter((_, j) => j % size === i));
	const parts = await Promise.all(
		shares.map((share) =>
			startWorkerTask<Array<[string, FrontmatterOutcome]>>(WORKER_FILE, ROLE, { jobs: share, codeVersion: cache.version })
				// A worker that fails leaves its files to validation on the main thread, which reports any problem.
				.answer.catch(() => []),
		),
	);
	for (const part of parts) cache.addParsed(part);
	return parts.reduce((sum, part) => sum + part.length, 0);
}

serveWorkerTask(ROLE, ({ jobs, codeVersion }: { jobs: Job[]; codeVersion: string }) => {
	useSchemaLanguage();
	const outcomes: Array<[string, FrontmatterOutcome]> = [];
	for (const { collection, file } of jobs) {
		const parsed = parseEntryFrontmatter(collection, file);
		if (parsed) outcomes.push([frontmatterKey(codeVersion, ...parsed.keyParts), parsed.outcome]);
	}
	return outcomes;
});
