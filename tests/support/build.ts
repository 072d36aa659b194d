/**
 * Runs `npm run build`'s script from inside a test. Vitest puts Vite's own variables
 * into the worker's environment (BASE_URL=/, DEV=1, MODE=test, NODE_ENV=test…), and
 * Astro reads process.env into import.meta.env: passed on, they silently override the
 * site's base and show drafts. The child gets the environment a user's shell would.
 */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { cleanBuildEnv } from '../../src/lib/build/clean-env.ts';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';

/** The environment a user's shell would give a build started from a test (CI=1: quieter logs). */
export function testBuildEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	return cleanBuildEnv({ CI: '1', ...extra });
}

type BuildOptions = { content?: string; cacheDir: string; env?: NodeJS.ProcessEnv };

/** The command line and environment of a test build into `out`. */
function buildCommand(out: string, options: BuildOptions): { args: string[]; env: NodeJS.ProcessEnv } {
	return {
		args: [path.join(PROJECT_ROOT, 'scripts/build.ts'), '--out', out],
		env: testBuildEnv({
			COMPENDIUM_CACHE_DIR: options.cacheDir,
			...(options.content ? { COMPENDIUM_CONTENT: options.content } : {}),
			...options.env,
		}),
	};
}

/** The error a failed build throws: where it built, and the end of its output. */
function buildFailure(out: string, error: unknown): Error {
	const output = error as { stdout?: Buffer | string; stderr?: Buffer | string };
	return new Error(`build into ${out} failed:\n${String(output.stdout ?? '').slice(-2000)}\n${String(output.stderr ?? '').slice(-3000)}`, {
		cause: error,
	});
}

/** Builds into `out` (absolute) with its own Astro cache; throws with the build's output on failure. */
export function buildSite(out: string, options: BuildOptions): void {
	const { args, env } = buildCommand(out, options);
	try {
		execFileSync(process.execPath, args, { cwd: PROJECT_ROOT, stdio: 'pipe', env });
	} catch (error) {
		throw buildFailure(out, error);
	}
}

/** buildSite without blocking: independent builds (their own output and cache) can run side by side. */
export function buildSiteAsync(out: string, options: BuildOptions): Promise<void> {
	const { args, env } = buildCommand(out, options);
	return new Promise((resolve, reject) => {
		// execFile hands the output to the callback, not on the error as execFileSync does.
		execFile(process.execPath, args, { cwd: PROJECT_ROOT, env, maxBuffer: 256 << 20 }, (error, stdout, stderr) =>
			error ? reject(buildFailure(out, Object.assign(error, { stdout, stderr }))) : resolve(),
		);
	});
}
