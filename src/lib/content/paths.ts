/** Where the compendium lives on disk. One place, so scripts, tests and Astro agree. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = fileURLToPath(import.meta.url);

/**
 * The project root. When Astro bundles this module into a build chunk, its own location
 * no longer says where the project is, so the build runs from the root (npm scripts do).
 */
export const PROJECT_ROOT =
	process.env.COMPENDIUM_ROOT ??
	(here.endsWith(path.join('src', 'lib', 'content', 'paths.ts')) ? path.resolve(path.dirname(here), '../../..') : process.cwd());

/** The content directory; COMPENDIUM_CONTENT points the build at another corpus (benchmarks, fixtures). */
export function contentDir(): string {
	return path.resolve(PROJECT_ROOT, process.env.COMPENDIUM_CONTENT ?? 'content');
}

/** Paths of the content folders and files, read from {@link contentDir} at each call so the environment can redirect them. */
export const contentPaths = {
	cases: () => path.join(contentDir(), 'cases'),
	issues: () => path.join(contentDir(), 'issues'),
	methods: () => path.join(contentDir(), 'methods.yaml'),
	glossary: () => path.join(contentDir(), 'glossary.yaml'),
	site: () => path.join(contentDir(), 'site.yaml'),
};
