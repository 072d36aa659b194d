/**
 * Search in `astro dev`: the same index `astro build` writes (search/step.ts), built from
 * content/ into the Astro cache on the first search request and rebuilt on the next one
 * after a content change, and served under the site's base at the paths the built site
 * uses (pagefind/, search-data/), so the search page works unchanged.
 */
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegrationLogger } from 'astro';
import sirv from 'sirv';
import { validateContent } from '../content/validate.ts';
import { buildMessages } from '../i18n/messages/index.ts';
import { withBase } from '../routes.ts';
import { PAGEFIND_DIR, SEARCH_DATA_DIR } from '../search/layout.ts';
import { searchIndexStep } from '../search/step.ts';

/** The dev server's search index: a connect middleware and a way to mark it out of date. */
export interface DevSearchIndex {
	middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void;
	/** The content changed: the next search request rebuilds the index first. */
	invalidate(): void;
}

/** A search index for the dev server, kept in `dir` and served under `base`. */
export function devSearchIndex(options: { dir: string; base: string; logger: AstroIntegrationLogger }): DevSearchIndex {
	const { dir, logger } = options;
	const root = withBase(options.base);
	const prefixes = [withBase(root, `${PAGEFIND_DIR}/`), withBase(root, `${SEARCH_DATA_DIR}/`)];
	const serve = sirv(dir, { dev: true, etag: false });
	let stale = true;
	let current: Promise<void> = Promise.resolve();

	const build = async () => {
		logger.info(buildMessages.devSearchBuilding());
		const started = performance.now();
		mkdirSync(dir, { recursive: true });
		const outcome = await searchIndexStep().run(dir, { content: validateContent() });
		logger.info(buildMessages.devSearchReady(outcome, (performance.now() - started) / 1000));
	};
	// One build at a time: a change during a build queues the next one behind it.
	const ready = (): Promise<void> => {
		if (stale) {
			stale = false;
			current = current.catch(() => undefined).then(build);
			current.catch(() => {
				stale = true;
			});
		}
		return current;
	};

	return {
		invalidate() {
			stale = true;
		},
		middleware(req, res, next) {
			const url = req.url ?? '/';
			if (!prefixes.some((prefix) => url.startsWith(prefix))) return next();
			ready().then(
				() => {
					req.url = url.slice(root.length - 1);
					serve(req, res, () => {
						res.writeHead(404).end();
					});
				},
				(error: unknown) => {
					const message = buildMessages.devSearchFailed(error instanceof Error ? error.message : String(error));
					logger.error(message);
					res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
				},
			);
		},
	};
}
