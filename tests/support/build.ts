/**
 * Runs `npm run build`'s script from inside a test. Vitest puts Vite's own variables
 * into the worker's environment (BASE_URL=/, DEV=1, MODE=test, NODE_ENV=test…), and
 * Astro reads process.env into import.meta.env: passed on, they silently override the
 * site's base and show drafts. The child gets the environment a user's shell would.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';

const VITEST_INJECTED = /^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST(?:_.*)?)$/;

export function cleanBuildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_INJECTED.test(key)));
	return { ...env, CI: '1', ...extra };
}

/** Builds into `out` (absolute) with its own Astro cache and returns the build's log; throws with the build's output on failure. */
export function buildSite(out: string, options: { content?: string; cacheDir: string; env?: NodeJS.ProcessEnv }): string {
	try {
		return execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out], {
			cwd: PROJECT_ROOT,
			stdio: 'pipe',
			encoding: 'utf8',
			env: cleanBuildEnv({
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
