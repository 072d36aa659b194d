/**
 * The build's first step: the content is validated before Astro renders anything, and an
 * error stops the build with every problem listed by file and line. Only errors count here:
 * the warning-only case checks (conversion risks) belong to `npm run check`, and skipping
 * them saves about 3 s per 1,000 cases.
 */
import { AstroError } from 'astro/errors';
import { formatProblems, validateContent, type ValidationResult } from '../content/validate.ts';
import { ValidationCache } from '../content/validation-cache.ts';
import { parseFrontmatterInWorkers } from '../content/frontmatter-workers.ts';
import type { ReuseCounts } from './incremental.ts';
import { buildMessages } from '../i18n/messages/index.ts';

/** The content errors of a build: all of them printed, then one error that stops Astro. */
export class ContentErrors extends AstroError {
	readonly count: number;
	constructor(count: number) {
		super(buildMessages.contentErrors(count));
		this.name = 'ContentErrors';
		this.count = count;
		// The problems above say where; a stack would point into this file and look like a crash.
		this.stack = '';
	}
}

/** A build's validated content, with how long validating took and what its cache reused. */
export interface GateOutcome {
	content: ValidationResult;
	seconds: number;
	/** Case and issue frontmatter taken from the cache and parsed anew (incremental builds only). */
	frontmatter?: ReuseCounts;
}

/**
 * Validates the content for a build; prints the errors and throws {@link ContentErrors} if
 * there are any. With `cacheDir` (incremental builds), frontmatter parsed by an earlier build
 * is taken from its cache there (src/lib/content/validation-cache.ts) and the cache is kept
 * for the next one; the problems found are the same either way.
 */
export async function validateForBuild(cacheDir?: string): Promise<GateOutcome> {
	const started = performance.now();
	const cache = cacheDir === undefined ? undefined : ValidationCache.open(cacheDir);
	// A cold cache is filled by worker threads first (frontmatter-workers.ts).
	if (cache) await parseFrontmatterInWorkers(cache);
	const content = validateContent(cache ? { cache } : {});
	// Kept with errors too: the next build reports them again from the cache, unchanged.
	cache?.save();
	const errors = content.problems.filter((p) => p.severity === 'error');
	if (errors.length) {
		console.error(formatProblems(errors));
		throw new ContentErrors(errors.length);
	}
	const seconds = (performance.now() - started) / 1000;
	return { content, seconds, ...(cache ? { frontmatter: { reused: cache.counts.reused, rebuilt: cache.counts.parsed } } : {}) };
}
