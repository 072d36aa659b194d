/**
 * A second build of the sample checkout, made once per test run and shared by the tests that
 * compare it with global setup's `npm run build` (SITE_DIR): build-paths (`astro build` gives
 * the same site) and quality (a build is reproducible byte for byte). It is `astro build`, the
 * other way in, with an empty cache of its own, so it reuses nothing and prints every PDF.
 * Test files run one at a time (fileParallelism false), so the first one to ask builds it;
 * global setup's teardown removes it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/content/paths.ts';
import { testBuildEnv } from './build.ts';

/** The folder of this test run's second build (TEST_RUN_ID comes from global setup). */
export function secondBuildDir(runId = process.env.TEST_RUN_ID ?? String(process.pid)): string {
	return path.join(PROJECT_ROOT, '.tmp', `second-build-${runId}`);
}

/** The second build's output folder, built by `astro build` on the first call of the run. */
export function secondAstroBuild(): string {
	const work = secondBuildDir();
	const out = path.join(work, 'dist');
	const done = path.join(work, 'done');
	if (existsSync(done)) return out;
	rmSync(work, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: PROJECT_ROOT,
		stdio: 'pipe',
		env: testBuildEnv({ COMPENDIUM_OUT_DIR: out, COMPENDIUM_CACHE_DIR: path.join(work, 'cache') }),
	});
	writeFileSync(done, '');
	return out;
}
