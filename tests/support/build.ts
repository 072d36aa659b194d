/**
 * Runs `npm run build`'s script from inside a test. Vitest puts Vite's own variables
 * into the worker's environment (BASE_URL=/, DEV=1, MODE=test, NODE_ENV=test…), and
 * Astro reads process.env into import.meta.env: passed on, they silently override the
 * site's base and show drafts. The child gets the environment a user's shell would.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { cleanBuildEnv } from '../../src/lib/build/clean-env.ts';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';

/** The environment a user's shell would give a build started from a test (CI=1: quieter logs). */
export function testBuildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return cleanBuildEnv({ CI: '1', ...extra });
}

/** Builds into `out` (absolute) with its own Astro cache; throws with the build's output on failure. */
export function buildSite(out: string, options: { content?: string; cacheDir: string; env?: NodeJS.ProcessEnv }): void {
	try {
		execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out], {
			cwd: PROJECT_ROOT,
			stdio: 'pipe',
			env: testBuildEnv({
				COMPENDIUM_CACHE_DIR: options.cacheDir,
				...(options.content ? { COMPENDIUM_CONTENT: options.content } : {}),
				...options.env,
			}),
		});
	} catch (error) {
		const output = error as { stdout?: Buffer; stderr?: Buffer };
		throw new Error(`build into ${out} failed:\n${String(output.stdout ?? '').slice(-2000)}\n${String(output.stderr ?? '').slice(-3000)}`, {
			cause: error,
		});
	}
}
