/**
 * Builds the sample compendium once (with `npm run build`'s own script, so the tests
 * see exactly what a user publishes) and serves it on 127.0.0.1 for browser tests.
 * SITE_DIR=<dir> skips the build and tests an existing one. Under CI=true a site without
 * PDFs (no Chromium or print fonts) fails here instead of quietly testing less.
 * When it builds, SITE_CACHE_DIR names the build's cache (Astro's incremental-build manifest,
 * the search records, the print files), so a test can start its incremental builds from this
 * one instead of building the same content again; SITE_CACHE_FRESH=1 says the build began
 * with no cache (always in CI's fresh clone), so it made everything itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { serveStatic, type StaticServer } from '../../src/lib/build/static-server.ts';
import { testBuildEnv } from './build.ts';
import { secondBuildDir } from './second-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
let server: StaticServer | undefined;

export async function setup() {
	// Names what test files of this run share on disk (the second build), for the teardown to remove.
	process.env.TEST_RUN_ID = String(process.pid);
	let siteDir = process.env.SITE_DIR;
	if (!siteDir) {
		siteDir = path.join(root, '.tmp', 'test-site');
		const cacheDir = path.join(root, '.tmp', 'test-cache');
		const fresh = !existsSync(cacheDir);
		execFileSync(process.execPath, [path.join(root, 'scripts/build.ts'), '--out', siteDir], {
			cwd: root,
			stdio: 'inherit',
			// The environment test builds get (testBuildEnv): the same environment makes the same page
			// bundles, so a test's incremental build can reuse this build's pages.
			env: testBuildEnv({ COMPENDIUM_CACHE_DIR: cacheDir }),
		});
		process.env.SITE_CACHE_DIR = cacheDir;
		process.env.SITE_CACHE_FRESH = fresh ? '1' : '';
	}
	process.env.SITE_DIR = path.resolve(root, siteDir);
	// A build without Chromium or the print fonts skips the PDFs with a notice; in CI that is a failure.
	if (process.env.CI && !existsSync(path.join(process.env.SITE_DIR, 'pdf'))) {
		throw new Error(`CI: the site in ${process.env.SITE_DIR} has no PDFs: install Chromium and the print fonts (see .ci/run), then run again`);
	}
	server = await serveStatic(process.env.SITE_DIR);
	process.env.SITE_URL = server.url;
}

export async function teardown() {
	await server?.close();
	rmSync(secondBuildDir(), { recursive: true, force: true });
}
