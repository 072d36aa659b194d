/**
 * Vite and Vitest export their own variables (BASE_URL, DEV, MODE, NODE_ENV=test …) to child
 * processes, and Astro reads process.env into import.meta.env: passed on to a build, they
 * silently override the site's base and show drafts. The one list of them, for the build
 * (in its own process) and for the tests and benchmarks that start builds.
 */

const VITE_INJECTED = /^(?:BASE_URL|MODE|DEV|PROD|SSR|ASSETS_PREFIX|SITE|TEST|VITEST(?:_.*)?)$/;

/** Removes Vite's variables from `env` in place (NODE_ENV only when Vite's test/development value). */
export function scrubViteEnv(env: NodeJS.ProcessEnv): void {
	for (const key of Object.keys(env)) if (VITE_INJECTED.test(key)) delete env[key];
	if (env.NODE_ENV === 'test' || env.NODE_ENV === 'development') delete env.NODE_ENV;
}

/** A copy of this process's environment without Vite's variables, plus `extra`: what a build child should get. */
export function cleanBuildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = { ...process.env };
	scrubViteEnv(env);
	return { ...env, ...extra };
}
